"""Checking and resizing what staff upload: pictures and files, by content, within limits.

Depends on Django and Pillow only, so that authors' portraits and blog posts share it.
"""
