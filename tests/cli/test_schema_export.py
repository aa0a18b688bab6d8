from click.testing import CliRunner

from cli.main import main
from schema.schema import build_schema


def test_schema_export_prints_the_served_schema() -> None:
    # when
    result = CliRunner().invoke(main, ["schema", "export"], catch_exceptions=False)

    # then
    assert result.exit_code == 0
    assert result.stdout == build_schema().as_str() + "\n"
