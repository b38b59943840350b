from __future__ import annotations

from array import array

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsinspect.parse.assemble import (
    _date_beside,
    _relative_beside,
    _stamp_after_article,
    _stamp_by_headline,
    _stamp_under_name,
)
from newsinspect.parse.dates import (
    dashed_dates,
    fallback_date,
    find_dates,
    is_relative_stamp,
    stamp_dates,
    zone_offset,
)
from newsinspect.parse.header import late_date
from newsinspect.parse.layout import Layout
from newsinspect.parse.lines import Line, split_lines


def first(line: str, *, dayfirst: bool = False) -> str | None:
    found = find_dates(line, dayfirst=dayfirst)
    return found[0].iso if found else None


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("10/12/2022", "2022-10-12"),
        ("Oct. 12, 2022", "2022-10-12"),
        ("December 22, 2023", "2023-12-22"),
        ("22 December 2023", "2023-12-22"),
        ("2023-12-22T10:55:00Z", "2023-12-22T10:55:00+00:00"),
        ("2023-12-22T10:55:00-05:00", "2023-12-22T10:55:00-05:00"),
        ("Mar 4, 2024 9:05 AM EST", "2024-03-04T09:05:00-05:00"),
        ("Updated March 4, 2024, 6:12 p.m. ET", "2024-03-04T18:12:00-05:00"),
        ("07:30 PM June 2, 2024", "2024-06-02T19:30:00"),
        ("Dec. 21, 2023 3 AM PT", "2023-12-21T03:00:00-08:00"),
        ("June 21, 2023 3 AM PT", "2023-06-21T03:00:00-07:00"),  # daylight time in June
        ("Fri 14 Jul 2023 15.30 CEST", "2023-07-14T15:30:00+02:00"),
        ("by Jo Doe - 12/22/23 11:35 AM ET", "2023-12-22T11:35:00-05:00"),
        ("12-20-2023", "2023-12-20"),
        ("Published 1st March 2021", "2021-03-01"),
        ("2021/03/05", "2021-03-05"),
        ("Posted on 2021-03-05", "2021-03-05"),
        ("2021-03-05 at 14:20 GMT", "2021-03-05T14:20:00+00:00"),
    ],
)
def test_date_shapes(line: str, iso: str) -> None:
    assert first(line) == iso


def test_month_glued_to_a_name() -> None:
    assert first("By Kira LandDec 22, 2023") == "2023-12-22"
    assert first("By Oona ODec. 18, 2023") == "2023-12-18"


def test_day_first_option_and_unambiguous_numbers() -> None:
    assert first("03/04/2024") == "2024-03-04"
    assert first("03/04/2024", dayfirst=True) == "2024-04-03"
    assert first("25/04/2024") == "2024-04-25"  # 25 cannot be a month
    assert first("04.03.2024") == "2024-03-04"  # dotted numbers are day-first


@pytest.mark.parametrize(
    "line", ["13/45/2022", "Feb 30, 2023", "version 2.0.1", "call 555-1234", "12-20-23", ""]
)
def test_not_dates(line: str) -> None:
    assert find_dates(line) == []


def test_several_dates_in_one_line_in_order() -> None:
    found = find_dates("Fri 22 Dec 2023 15.30 CET Last modified on Fri 22 Dec 2023 20.26 CET")
    assert [f.iso for f in found] == ["2023-12-22T15:30:00+01:00", "2023-12-22T20:26:00+01:00"]
    assert found[0].end <= found[1].start


def test_zone_offsets() -> None:
    from datetime import date

    assert zone_offset("EDT", date(2024, 1, 1)) == -240
    assert zone_offset("ET", date(2024, 1, 1)) == -300
    assert zone_offset("ET", date(2024, 7, 1)) == -240
    assert zone_offset("+05:30", date(2024, 7, 1)) == 330
    assert zone_offset("XYZ", date(2024, 7, 1)) is None


@pytest.mark.parametrize("line", ["Published Friday 4:10PM", "Updated 3 hours ago", "Posted yesterday"])
def test_relative_stamps(line: str) -> None:
    assert is_relative_stamp(line)
    assert find_dates(line) == []


def test_fallback_never_invents_missing_parts() -> None:
    # dateutil would fill the missing year (or day) from its default: the sentinel check refuses it.
    assert fallback_date("Published March 4") is None
    assert fallback_date("Published 2024") is None
    assert fallback_date("no digits here") is None
    assert fallback_date("Published: 2024 March the 4th") == "2024-03-04"


def test_a_stamp_printed_twice_without_a_space() -> None:
    found = find_dates("6 December 20236 December 2023 Chris Pry")
    assert [f.iso for f in found] == ["2023-12-06", "2023-12-06"]
    assert find_dates("December 1, 2023December 1, 2023")[0].iso == "2023-12-01"
    assert find_dates("12345 December 2023") == []


def test_first_stamp_is_published_and_labelled_update_is_updated() -> None:
    from newsinspect.parse import parse_article

    text = (
        "River Town Floods Again\n\nBy Ann Lee\n"
        "Fri 22 Dec 2023 18.08 CET First published on Thu 21 Dec 2023 22.12 CET\n\n"
        "The river rose overnight, officials said on Friday morning.\n"
    )
    article = parse_article(text)
    assert article.published == "2023-12-22T18:08:00+01:00"
    text = (
        "River Town Floods Again\n\nBy Ann Lee\nUpdated Dec. 23, 2023 4:04AM EST / "
        "Published Dec. 22, 2023 12:16PM EST\n\nThe river rose overnight, officials said.\n"
    )
    article = parse_article(text)
    assert article.published == "2023-12-22T12:16:00-05:00"
    assert article.updated == "2023-12-23T04:04:00-05:00"


def test_relative_stamp_is_not_replaced_by_a_date_further_down() -> None:
    from newsinspect.parse import parse_article

    text = (
        "Orlando Adds a Forward\n\nBy\nField Level Media\nPublished Thursday 1:23PM\n\n"
        "Orlando City signed a forward on Thursday to a three-year contract.\n\n"
        "Related: Published March 2, 2021 in the archive\n"
    )
    article = parse_article(text)
    assert article.published is None
    assert article.authors == ("Field Level Media",)
    assert any("relative date" in w for w in article.warnings)


def test_day_first_is_inferred_from_the_dump() -> None:
    from newsinspect.parse import parse_article
    from newsinspect.parse.dates import infer_dayfirst

    assert infer_dayfirst(["Posted 25/04/2024", "Updated 03/05/2024"])
    assert infer_dayfirst(["22 December 2023", "03/05/2024"])
    assert not infer_dayfirst(["December 22, 2023", "03/05/2024"])
    assert not infer_dayfirst(["04/25/2024"])
    assert not infer_dayfirst(["03/05/2024"])
    text = "Harbour Works Begin Today\n\nBy Ann Lee\n03/05/2024\nUpdated 25/05/2024\n\nThe works began.\n"
    assert parse_article(text).published == "2024-05-03"
    text = "Harbor Works Begin Today\n\nBy Ann Lee\n03/05/2024\n\nThe works began on time.\n"
    assert parse_article(text).published == "2024-03-05"
    assert parse_article(text, dayfirst=True).published == "2024-05-03"


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Friday, December 22, 2023", "2023-12-22"),
        ("Mon, 18 Dec 2023 10:00:00 +0000", "2023-12-18T10:00:00+00:00"),
        ("22nd December, 2023", "2023-12-22"),
        ("December 22nd, 2023", "2023-12-22"),
        ("Sept. 5, 2023", "2023-09-05"),
        ("Dec 22 2023", "2023-12-22"),
        ("22.12.2023", "2023-12-22"),
        ("12.22.2023", "2023-12-22"),
        ("2023-12-22 10:55", "2023-12-22T10:55:00"),
    ],
)
def test_more_date_shapes(line: str, iso: str) -> None:
    assert first(line) == iso


def test_no_year_no_date() -> None:
    assert find_dates("Published Dec 22") == []


def test_time_before_a_weekday_and_date() -> None:
    assert first("Published 3:04 PM EST, Fri December 22, 2023") == "2023-12-22T15:04:00-05:00"


def test_fallback_keeps_unknown_zone_warnings_off_stderr() -> None:
    import warnings

    from newsinspect.parse.dates import fallback_date

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # any warning would fail the test
        assert fallback_date("Posted 4 March 2024 10:00 IST by the desk") == "2024-03-04"


# Issue 9 (11): published/updated must always be valid ISO 8601; impossible clock times and offsets are
# not read (the date alone stays), impossible dates give nothing.
@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("2023-12-22T24:10:00Z", "2023-12-22"),
        ("2023-12-22T99:10:00Z", "2023-12-22"),
        ("2023-12-22T10:60:00Z", "2023-12-22"),
        ("2023-12-22T10:55:99Z", "2023-12-22"),
        ("2023-12-22T10:55:00+26:39", "2023-12-22T10:55:00"),
        ("2023-12-22T10:55:00-14:30", "2023-12-22T10:55:00"),
        ("2023-12-22T10:55:00+05:75", "2023-12-22T10:55:00"),
        ("2023-12-22T10:55:00+14:00", "2023-12-22T10:55:00+14:00"),
        ("Mar 4, 2024 9:05:75 AM EST", "2024-03-04"),
        ("Mar 4, 2024 9:05 AM +26:39", "2024-03-04T09:05:00"),
        ("Mar 4, 2024 9:05 AM -13:00", "2024-03-04T09:05:00-13:00"),
        ("2023-02-30", None),
        ("Feb 30, 2023", None),
    ],
)
def test_impossible_clock_times_offsets_and_dates_are_not_read(line: str, iso: str | None) -> None:
    assert first(line) == iso


def _is_iso(value: str) -> bool:
    from datetime import datetime, timedelta

    parsed = datetime.fromisoformat(value)
    offset = parsed.utcoffset()
    return offset is None or abs(offset) <= timedelta(hours=14)


@given(
    st.lists(
        st.sampled_from(
            [
                "2023-12-22",
                "T",
                " ",
                ":",
                "+",
                "-",
                "Z",
                "Mar 4, 2024",
                "AM",
                "PM",
                "UTC",
                "GMT",
                "EST",
                "/",
                ".",
            ]
            + [f"{n:02d}" for n in (0, 1, 9, 12, 13, 14, 23, 24, 26, 39, 59, 60, 75, 99)]
            + [str(n) for n in (1, 9, 12, 13, 24, 99)]
        ),
        max_size=14,
    )
)
def test_every_date_found_is_valid_iso_8601(pieces: list[str]) -> None:
    for found in find_dates("".join(pieces)):
        assert _is_iso(found.iso), found


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Published 14 Jan 24", "2024-01-14"),
        ("Jan 14 '24 | 3:00 PM", "2024-01-14T15:00:00"),
        ("Sept 9 23", "2023-09-09"),
        ("14 Jan 24, 10:30", "2024-01-14T10:30:00"),
        ("March 3 2025", "2025-03-03"),
    ],
)
def test_two_digit_years_and_no_comma_where_a_stamp_ends(line: str, iso: str) -> None:
    assert first(line) == iso


@pytest.mark.parametrize("line", ["May 5, 12 people died", "On 3 May 19 boats left the harbour"])
def test_two_digit_numbers_inside_a_sentence_are_no_year(line: str) -> None:
    assert find_dates(line) == []


# --- where the published date is looked for when the header rows hold none -----------------------------


def _lines(*texts: str) -> list[Line]:
    return split_lines("\n".join(texts))


def test_a_date_beside_a_byline_found_far_down_is_the_published_one() -> None:
    lines = _lines("Menu", "Long story", "By Ingrid Vasquez", "Dec 18, 2025", "14 min read")
    found = _date_beside(lines, {2}, dayfirst=False)
    assert found is not None and found.iso == "2025-12-18"
    assert _date_beside(lines, set(), dayfirst=False) is None
    prose = _lines("By Ingrid Vasquez", "On Dec 18, 2025 the council met again, " + "and talked " * 10)
    assert _date_beside(prose, {0}, dayfirst=False) is None  # a sentence is no stamp


def test_a_bare_date_stamp_near_a_copy_of_the_headline() -> None:
    title = "Harbour council votes on the ferry timetable"
    menu = [f"* Section {i}" for i in range(20)]  # the stamp is further than the reach from the first copy
    lines = _lines(title, *menu, "Ideas", "Oct 5, 2023 9:00 AM", title, "The council met on Tuesday.")
    found = _stamp_by_headline(lines, 0, dayfirst=False)
    assert found is not None and found.iso == "2023-10-05T09:00:00"
    mention = _lines(title, "Ideas", "Talks resume on Oct 5, 2023 at the harbour office, officials say")
    assert _stamp_by_headline(mention, 0, dayfirst=False) is None  # the date is not most of it


def test_a_bare_stamp_under_the_last_paragraph() -> None:
    body = "The council met on Tuesday to discuss the ferry, and the debate ran long into the evening."
    lines = _lines(body, "Share this", "Dec 22, 2023 08:05am PDT", "Related posts")
    found = _stamp_after_article(lines, 0, dayfirst=False)
    assert found is not None and found.iso == "2023-12-22T08:05:00-07:00"
    comment = _lines(body, "1. Megan December 3, 2018 at 10:00 am Reply")
    assert _stamp_after_article(comment, 0, dayfirst=False) is None  # a comment's date, not a stamp
    far = _lines(body, *["* Related story"] * 8, "Dec 22, 2023")
    assert _stamp_after_article(far, 0, dayfirst=False) is None


def test_an_unset_timestamp_is_never_the_published_date() -> None:
    body = "The council met on Tuesday to discuss the ferry, and the debate ran long into the evening."
    lines = _lines(body, "Share this", "Dec 31, 1969", "Related posts")
    assert _stamp_after_article(lines, 0, dayfirst=False) is None
    assert [d.iso for d in stamp_dates("Dec 31, 1969 · Jan 5, 2024")] == ["2024-01-05"]
    assert [d.iso for d in find_dates("Dec 31, 1969")] == ["1969-12-31"]  # still a date in the text


def test_a_labelled_date_further_down_by_any_publication_or_update_label() -> None:
    lines = _lines(
        "Harbour ferries", "Body text.", "HarbourWiki/Ferries (last edited 2019-11-10 13:28:18 by JaneRoe)"
    )
    found = late_date(lines, set(), dayfirst=False)
    assert found is not None and found.iso == "2019-11-10T13:28:18"
    assert (
        late_date(_lines("Harbour ferries", "Seen on 2019-11-10 by JaneRoe"), set(), dayfirst=False) is None
    )


# Issue 11: published dates on unseen sites and whole pages, read only where nothing else gave one.
@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("14-Mar-2024", "2024-03-14"),
        ("By Jo Roe | Updated on 4-Mar-2024", "2024-03-04"),
        ("3/Sep/2024", "2024-09-03"),
        ("04-Jun-2020 10:30 AM", "2020-06-04T10:30:00"),
    ],
)
def test_dashed_month_name_dates(line: str, iso: str) -> None:
    found = dashed_dates(line)
    assert found and found[0].iso == iso
    assert find_dates(line) == []  # not a shape of find_dates: the layout model's line facts stay as trained


@pytest.mark.parametrize(
    "line", ["32-Mar-2024", "1-May-20255", "Sept-12-2020", "14-Mar-2024/3", "ab-Mar-2024"]
)
def test_not_dashed_dates(line: str) -> None:
    assert dashed_dates(line) == []


def test_the_date_on_the_byline_line_itself() -> None:
    lines = _lines(
        "Harbour law guide", "Reviewed by Ingrid Vasquez, Senior Editor, on March 9, 2024.", "Intro"
    )
    found = _date_beside(lines, {1}, dayfirst=False)
    assert found is not None and found.iso == "2024-03-09"
    dashed = _lines("Harbour law guide", "By Ingrid Vasquez | Updated on 9-Mar-2024", "Intro")
    found = _date_beside(dashed, {1}, dayfirst=False)
    assert found is not None and found.iso == "2024-03-09"
    long_line = _lines(
        "Guide", "By Ingrid Vasquez, " + "who wrote about the harbour " * 5 + "on March 9, 2024"
    )
    assert _date_beside(long_line, {1}, dayfirst=False) is None  # prose, not a byline with its date


def test_a_relative_clock_far_from_the_byline_keeps_the_date_beside_it() -> None:
    from newsinspect.parse import parse_article

    text = (
        "Harbour council votes on the ferry timetable\n\nToday 15 January\nShare\nPrint\nSave\n"
        "Ingrid Vasquez\nPublished: 3 Mar 2024\n\n"
        "The council met on Tuesday to discuss the ferry, and the debate ran long into the evening.\n"
    )
    article = parse_article(text)
    assert article.authors == ("Ingrid Vasquez",)
    assert article.published == "2024-03-03"
    lines = _lines("Harbour", "By", "Harbour Wire", "Published Tuesday 2:10PM", "Mar 2, 2021")
    assert _relative_beside(lines, {2})


def _layout_of(lines: list[Line], labels: list[str]) -> Layout:
    names = ["out", "title", "byline", "date", "para", "misc"]
    probs = array("d", [1.0 if name == label else 0.0 for label in labels for name in names])
    return Layout(names, probs, 0, 0.5)


def test_a_stamp_under_a_name_above_the_article() -> None:
    lines = _lines(
        "Menu",
        "Harbour council votes",
        "Ingrid Vasquez",
        "Mar 14th 2024 at 9:30AM",
        "Share",
        "The council met.",
    )
    layout = _layout_of(lines, ["out", "out", "out", "out", "out", "para"])
    found = _stamp_under_name(lines, layout, dayfirst=False)
    assert found is not None and found.iso == "2024-03-14T09:30:00"
    byline = _lines("Menu", "By Ingrid Vasquez Harbour Reporter", "14-Mar-2024", "The council met.")
    found = _stamp_under_name(byline, _layout_of(byline, ["out", "out", "out", "para"]), dayfirst=False)
    assert found is not None and found.iso == "2024-03-14"


def test_no_stamp_under_a_name_from_a_box_of_other_posts() -> None:
    box = _lines("Ingrid Vasquez", "Mar 14, 2024", "Tomas Brevik", "Mar 12, 2024", "The council met.")
    assert _stamp_under_name(box, _layout_of(box, ["out"] * 4 + ["para"]), dayfirst=False) is None
    items = _lines("* Ingrid Vasquez", "* Mar 14, 2024", "The council met.")
    assert _stamp_under_name(items, _layout_of(items, ["out", "out", "para"]), dayfirst=False) is None
    below = _lines("The council met.", "Ingrid Vasquez", "Mar 14, 2024 at 10:00 am")  # a comment
    assert _stamp_under_name(below, _layout_of(below, ["para", "out", "out"]), dayfirst=False) is None
    relative = _lines("Ingrid Vasquez", "Mar 14, 2024", "3 hours ago", "The council met.")
    assert _stamp_under_name(relative, _layout_of(relative, ["out"] * 3 + ["para"]), dayfirst=False) is None


def test_a_foot_stamp_with_a_count_of_comments() -> None:
    body = "The council met on Tuesday to discuss the ferry, and the debate ran long into the evening."
    lines = _lines(body, "Share this", "May 3, 2021 · 4 Comments")
    found = _stamp_after_article(lines, 0, dayfirst=False)
    assert found is not None and found.iso == "2021-05-03"
    reply = _lines(body, "Megan · May 3, 2021 · Reply to 4 comments")
    assert _stamp_after_article(reply, 0, dayfirst=False) is None
