"""`caseload review`, `supervision` and `graduate` refuse bad input before opening anything."""

from __future__ import annotations

from cli_runner import run


def test_graduate_unknown_client_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv("CASELOAD_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("CASELOAD_CONFIG", str(tmp_path / "config.toml"))
    result = run("graduate", "Nobody", "--demo")
    assert result.exit_code == 1
    assert "No client with that name or code" in result.output
    assert "Traceback" not in result.output


def test_moments_refuse_a_missing_database(tmp_path, monkeypatch):
    monkeypatch.setenv("CASELOAD_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("CASELOAD_CONFIG", str(tmp_path / "config.toml"))
    for command in (["review"], ["supervision"], ["graduate", "Amaan"]):
        result = run(*command, "--db", tmp_path / "missing.db")
        assert result.exit_code == 1 and "There is no caseload at" in result.output
        assert not (tmp_path / "missing.db").exists()
