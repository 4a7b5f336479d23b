import pytest

from gonghui_desk.domain.pinyin import pinyin_keys


@pytest.mark.parametrize(
    ("name", "initials", "full"),
    [
        ("张三", "zs", "zhangsan"),
        ("曾晓梅", "zxm", "zengxiaomei"),
        ("单立新", "slx", "shanlixin"),
        ("解放", "xf", "xiefang"),
        ("仇伟", "qw", "qiuwei"),
        ("区志峰", "ozf", "ouzhifeng"),
        ("朴明", "pm", "piaoming"),
        ("查海", "zh", "zhahai"),
        ("盖丽", "gl", "geli"),
        ("翟静", "zj", "zhaijing"),
        ("覃芳", "qf", "qinfang"),
        ("欧阳倩", "oyq", "ouyangqian"),
        ("尉迟敬德", "ycjd", "yuchijingde"),
        ("吕丹", "ld", "lvdan"),
    ],
)
def test_surnames_are_read_as_surnames(name, initials, full):
    keys = pinyin_keys(name)
    assert (keys.initials, keys.full) == (initials, full)


def test_a_heteronym_is_only_corrected_as_the_surname():
    # 曾 in the given name keeps its everyday reading "ceng" (曾经).
    assert pinyin_keys("王曾").full == "wangceng"
    # 单 as the surname is "shan"; the same character later in a name is "dan".
    assert pinyin_keys("单单").full == "shandan"


def test_foreign_names_and_punctuation():
    assert pinyin_keys("买买提·艾力").initials == "mmtal"
    assert pinyin_keys("Anna Li").full == "annali"
    assert pinyin_keys("  ") == pinyin_keys("")
    assert pinyin_keys("张　三").full == "zhangsan"  # full-width space
