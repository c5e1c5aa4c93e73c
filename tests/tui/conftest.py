"""Pilot and snapshot tests take `demo_store` and `empty_store` from tests/conftest.py."""
