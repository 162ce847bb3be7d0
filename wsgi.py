"""WSGI entry point: `gunicorn wsgi:app`."""

from pmp import create_app

app = create_app()
