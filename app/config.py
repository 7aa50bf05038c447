"""Every setting, read once from the environment."""
from __future__ import annotations

import secrets
from functools import lru_cache
from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix='', case_sensitive=False)

    host: str = '127.0.0.1'
    port: int = 8080
    data_dir: Path = Path('data')
    database_url: str = ''  # empty: an SQLite file in data_dir
    public_url: str = ''  # the address phones use; empty: http://host:port
    storage_secret: str = ''  # empty: generated once and kept in data_dir
    timezone: str = 'Europe/Amsterdam'
    phone_reconnect_seconds: int = 60  # a phone whose screen locks or Wi-Fi drops keeps its page this long
    retention_days: int = 90  # ended workshops are deleted with all their data after this many days
    locales_dir: Path = Path(__file__).parent / 'locales'  # one <language>.toml per language

    @property
    def effective_database_url(self) -> str:
        return self.database_url or f'sqlite:///{self.data_dir / "samenspraak.db"}'

    @property
    def effective_public_url(self) -> str:
        return (self.public_url or f'http://{self.host}:{self.port}').rstrip('/')

    def effective_storage_secret(self) -> str:
        """The cookie-signing secret: from the environment, or made once and kept so cookies survive restarts."""
        if self.storage_secret:
            return self.storage_secret
        path = self.data_dir / 'storage_secret'
        if not path.exists():
            self.data_dir.mkdir(parents=True, exist_ok=True)
            path.write_text(secrets.token_urlsafe(32))
            path.chmod(0o600)
        return path.read_text().strip()


@lru_cache
def settings() -> Settings:
    return Settings()
