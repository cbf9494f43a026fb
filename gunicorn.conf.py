"""How `make serve` (and the tests that serve the portal) run gunicorn.

gunicorn reads this file from the working directory by itself; options on the command line win.

Threads, not one process per request: a client that sends its headers or body slowly holds
one thread, not a whole worker, so a handful of them cannot take the site (or /healthz) down.
gthread is gunicorn's own worker and needs nothing beyond gunicorn. Bodies are also bounded
in size and read time by icld_portal/body_limit.py. In production a buffering reverse proxy
sits in front (README, "Production"): gunicorn then only ever sees whole requests.
"""

import os

wsgi_app = "icld_portal.wsgi:application"
worker_class = "gthread"
workers = int(os.environ.get("WEB_CONCURRENCY", "4"))
# Each thread may keep a database connection (CONN_MAX_AGE): workers x threads stays well
# under PostgreSQL's default of 100 connections.
threads = int(os.environ.get("GUNICORN_THREADS", "16"))
# A worker takes no more connections than it has threads: otherwise it accepts a request and
# queues it behind slow clients holding every thread, while another worker sits idle. So no
# idle kept-alive connections either (the proxy in front opens one per request).
worker_connections = threads
keepalive = 0
# A worker whose main loop stops answering is replaced after this many seconds.
timeout = 30
graceful_timeout = 30
# Request line and headers: small, as browsers send them.
limit_request_line = 4094
limit_request_fields = 100
limit_request_field_size = 8190
