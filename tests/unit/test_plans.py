import pytest

from app import plans
from app.plans import PlanError


def test_default_plan_loads_with_its_ladder_and_perspectives():
    plan = plans.load(plans.DEFAULT_PLAN)
    assert plans.available()[0] == plans.DEFAULT_PLAN
    assert len(plan.ladder) == 6
    assert 'Mantelzorger' in plan.perspectives
    kinds = {step.kind for step in plan.steps}
    assert {'info', 'perspective', 'cards', 'scale', 'dots', 'consent'} <= kinds


def write(tmp_path, text):
    path = tmp_path / 'broken.toml'
    path.write_text(text, encoding='utf-8')
    return path


MINIMAL = '''
title = "T"
perspectives = ["Inwoner"]
[[ladder]]
label = "a"
[[ladder]]
label = "b"
[[ladder]]
label = "c"
'''


def test_invalid_toml_names_the_file(tmp_path):
    with pytest.raises(PlanError, match=r'^broken\.toml: not valid TOML'):
        plans.load(write(tmp_path, 'title = "unclosed'))


def test_unknown_kind_names_the_step_and_the_known_kinds(tmp_path):
    text = MINIMAL + '[[steps]]\nkey = "x"\nkind = "dance"\ntitle = "X"\n'
    with pytest.raises(PlanError, match=r'broken\.toml: step 1 \(x\): unknown kind "dance" \(known: .*cards'):
        plans.load(write(tmp_path, text))


def test_reference_to_a_later_step_is_refused(tmp_path):
    text = MINIMAL + ('[[steps]]\nkey = "vote"\nkind = "dots"\ntitle = "V"\ncards_from = "ideas"\n'
                      '[[steps]]\nkey = "ideas"\nkind = "cards"\ntitle = "I"\n')
    with pytest.raises(PlanError, match='refers to "ideas", which is not an earlier step'):
        plans.load(write(tmp_path, text))


def test_duplicate_step_key_is_refused(tmp_path):
    text = MINIMAL + '[[steps]]\nkey = "a"\nkind = "info"\ntitle = "A"\n' * 2
    with pytest.raises(PlanError, match='the key "a" is used twice'):
        plans.load(write(tmp_path, text))


def test_bad_setting_names_the_setting(tmp_path):
    text = MINIMAL + '[[steps]]\nkey = "s"\nkind = "scale"\ntitle = "S"\nmax = "veel"\n'
    with pytest.raises(PlanError, match=r'step 1 \(s\): max:'):
        plans.load(write(tmp_path, text))


def test_missing_plan_is_a_clear_error():
    with pytest.raises(PlanError, match='nope.toml: file not found'):
        plans.load('nope')


def test_an_uploaded_plan_over_the_size_limit_is_refused_before_it_is_read():
    with pytest.raises(PlanError, match=r'^upload\.toml: larger than 256 KiB'):
        plans.read(b'#' * (plans.MAX_PLAN_BYTES + 1), 'upload.toml')


def test_a_plan_that_is_not_utf8_is_not_valid_toml():
    with pytest.raises(PlanError, match=r'^upload\.toml: not valid TOML'):
        plans.read(b'title = "\xff"', 'upload.toml')


def test_a_plan_s_texts_are_cleaned_like_a_resident_s():
    text = (MINIMAL.replace('title = "T"', 'title = "T\\u202e\\u0007"')
            + '[[steps]]\nkey = "a"\nkind = "info"\ntitle = "A\\u0000"\n')
    plan = plans.read(text.encode(), 'upload.toml')
    assert (plan.title, plan.steps[0].title) == ('T', 'A')


def test_an_empty_step_title_after_cleaning_is_refused():
    text = MINIMAL + '[[steps]]\nkey = "a"\nkind = "info"\ntitle = "\\u202e"\n'
    with pytest.raises(PlanError, match=r'step 1 \(a\): title is empty'):
        plans.read(text.encode(), 'upload.toml')


def test_a_perspective_listed_twice_is_refused():
    text = MINIMAL.replace('["Inwoner"]', '["Inwoner", "Inwoner"]') + '[[steps]]\nkey = "a"\nkind = "info"\ntitle = "A"\n'
    with pytest.raises(PlanError, match='"Inwoner" is listed twice'):
        plans.read(text.encode(), 'upload.toml')
