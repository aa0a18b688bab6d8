"""Settings for a command: validated once, a bad variable is a one-line error (exit 2)."""

from __future__ import annotations

import click

from network.settings import Settings, SettingsError, load_settings


class SettingsProblem(click.ClickException):
    exit_code = 2


def settings_or_exit() -> Settings:
    try:
        return load_settings()
    except SettingsError as error:
        raise SettingsProblem(str(error)) from None
