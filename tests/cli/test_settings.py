from tests.cli.invoke import Jisr


async def test_a_bad_setting_is_one_line_naming_the_variable(jisr: Jisr) -> None:
    # when
    result = await jisr("db", "upgrade", JISR_ENV="staging")

    # then
    assert result.exit_code == 2
    assert "JISR_ENV" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output


async def test_production_without_a_secret_key_is_refused(jisr: Jisr) -> None:
    # when
    result = await jisr("db", "upgrade", JISR_ENV="production", JISR_SECRET_KEY=None)

    # then
    assert result.exit_code == 2
    assert "JISR_SECRET_KEY" in result.stderr
