# Build: docker build -t masthead .
# Run:   docker run -p 8000:8000 --env-file .env masthead
# The same image runs the background worker with another command, scripts/worker (see README,
# Deployment).

FROM python:3.13-slim AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
RUN python -m venv /venv
WORKDIR /src
COPY pyproject.toml README.md ./
RUN /venv/bin/pip install .

FROM python:3.13-slim
ENV PATH=/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PORT=8000 \
    STATIC_ROOT=/app/var/static \
    MEDIA_ROOT=/app/var/media \
    PRIVATE_MEDIA_ROOT=/app/var/private
RUN useradd --create-home --uid 10001 masthead
COPY --from=build /venv /venv
WORKDIR /app
COPY --chown=masthead:masthead . .
RUN python manage.py collectstatic --noinput -v0 \
    && mkdir -p /app/var/media /app/var/private && chown -R masthead:masthead /app/var
USER masthead
EXPOSE 8000
VOLUME ["/app/var/media", "/app/var/private"]
# /healthz answers within about a second whatever is away (the database pool's 0.5 s, Redis's
# 0.5 s); the check gives it 2 s, well short of gunicorn's 30 s for a silent worker.
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
    CMD python -c "import os, urllib.request; urllib.request.urlopen(f'http://127.0.0.1:{os.environ[\"PORT\"]}/healthz', timeout=2)"
CMD ["scripts/start"]
