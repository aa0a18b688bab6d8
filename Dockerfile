# Jisr: one image for the API, the workers and beat (the command picks the role).

FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
RUN python -m venv /opt/jisr
COPY pyproject.toml ./
COPY network ./network
COPY schema ./schema
COPY workers ./workers
COPY cli ./cli
RUN /opt/jisr/bin/pip install .

FROM python:3.11-slim AS runtime
ENV PATH=/opt/jisr/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    JISR_VAR_DIR=/var/lib/jisr
RUN groupadd --system jisr && useradd --system --gid jisr --home-dir /var/lib/jisr jisr \
    && mkdir -p /var/lib/jisr && chown jisr:jisr /var/lib/jisr
COPY --from=build /opt/jisr /opt/jisr
USER jisr
WORKDIR /var/lib/jisr
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=3s --retries=3 \
    CMD python -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=2)" || exit 1
CMD ["jisr", "serve", "--host", "0.0.0.0", "--port", "8000"]
