"""Unbound extension instances; `create_app` binds them to an application."""

from flask_jwt_extended import JWTManager
from flask_limiter import Limiter
from flask_migrate import Migrate
from flask_smorest import Api
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase

from pmp.core import ratelimit_storage  # noqa: F401 - registers the sqlite:// limits storage
from pmp.core.netinfo import client_ip
from pmp.core.schemas import ErrorSchema

# Named constraints so that Alembic can alter and drop them on every backend.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


# Objects stay readable after commit, so a view can serialise what its service committed.
db = SQLAlchemy(model_class=Base, session_options={"expire_on_commit": False})
migrate = Migrate(compare_type=True, render_as_batch=True)
jwt = JWTManager()


def _audit_breach(limit) -> None:
    from pmp.core.logging import audit

    audit("rate_limit_hit", None, limit=str(limit.limit))


limiter = Limiter(key_func=client_ip, on_breach=_audit_breach)


class PmpApi(Api):
    """Documents every error response with pmp's envelope, not flask-smorest's own."""

    ERROR_SCHEMA = ErrorSchema


api = PmpApi()
