"""Page shapes real news CMSs emit, each as a small invented page (tests/test_html.py).

Each row: (name, what goes in <head>, what opens the <article>, expected title, authors, published day).
The page around them has a site header whose logo links home, a menu, four paragraphs and a footer.
"""

from __future__ import annotations

import json
from typing import Any

HEADLINE = "Ferry operator adds a late sailing to the islands"
PARAS = (
    "<p>The ferry operator serving the outer islands will add a late sailing on weekdays from next month,"
    " after a campaign by commuters who work on the mainland.</p>\n"
    "<p>The new boat will leave the harbour at half past ten at night and return at dawn, the company said"
    " in a statement on Tuesday.</p>\n"
    "<p>\u201cWe have listened to the people who use the service every day,\u201d said operations manager"
    " Colm Brady. \u201cThis is the sailing they asked for.\u201d</p>\n"
    "<p>Fares on the late boat will be the same as on daytime sailings.</p>\n"
)


def page(head: str, top: str, body: str = PARAS) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">\n' + head + "\n</head><body>\n"
        '<header><a href="/">Harbour Post</a><nav><a href="/news">News</a> <a href="/sport">Sport</a>'
        ' <a href="/opinion">Opinion</a></nav></header>\n<main><article>\n'
        + top
        + "\n"
        + body
        + "</article></main>\n<footer>&copy; Harbour Post</footer></body></html>\n"
    )


def ld(obj: Any) -> str:
    text = obj if isinstance(obj, str) else json.dumps(obj)
    return f'<script type="application/ld+json">{text}</script>'


H1 = f"<h1>{HEADLINE}</h1>"
ART = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": HEADLINE}
PUB = {"@type": "Organization", "name": "Harbour Post"}
D = "<p>March 4, 2023</p>"
T = "<title>" + HEADLINE + " | Harbour Post</title>"

SHAPES: list[tuple[str, str, str, str, list[str], str]] = [
    # ---- authors
    (
        "ld_author_string_no_byline",
        ld({**ART, "author": "Ann Lee", "datePublished": "2023-03-04"}),
        H1 + D,
        HEADLINE,
        ["Ann Lee"],
        "2023-03-04",
    ),
    (
        "ld_author_string_by_and",
        ld({**ART, "author": "By Ann Lee and Bo Park", "datePublished": "2023-03-04"}),
        H1 + D,
        HEADLINE,
        ["Ann Lee", "Bo Park"],
        "2023-03-04",
    ),
    (
        "ld_author_name_list",
        ld(
            {
                **ART,
                "author": {"@type": "Person", "name": ["Ann Lee", "Bo Park"]},
                "datePublished": "2023-03-04",
            }
        ),
        H1 + D,
        HEADLINE,
        ["Ann Lee", "Bo Park"],
        "2023-03-04",
    ),
    (
        "ld_author_persons_list",
        ld(
            {
                **ART,
                "author": [{"@type": "Person", "name": "Ann Lee"}, {"@type": "Person", "name": "Bo Park"}],
            }
        ),
        H1 + "<p>By Ann Lee and Bo Park</p>" + D,
        HEADLINE,
        ["Ann Lee", "Bo Park"],
        "2023-03-04",
    ),
    (
        "ld_author_org_is_publisher",
        ld({**ART, "author": PUB, "publisher": PUB, "datePublished": "2023-03-04"}),
        H1 + D,
        HEADLINE,
        [],
        "2023-03-04",
    ),
    (
        "ld_author_org_other_name",
        ld(
            {
                **ART,
                "author": {"@type": "Organization", "name": "Harbour Post Newsroom"},
                "datePublished": "2023-03-04",
            }
        )
        + T,
        H1 + D,
        HEADLINE,
        [],
        "2023-03-04",
    ),
    (
        "ld_author_org_printed_byline",
        ld({**ART, "author": PUB, "publisher": PUB}),
        H1 + "<p>By Dara Quinn</p>" + D,
        HEADLINE,
        ["Dara Quinn"],
        "2023-03-04",
    ),
    (
        "ld_author_url",
        ld({**ART, "author": "https://harbourpost.example/author/ann-lee", "datePublished": "2023-03-04"}),
        H1 + D,
        HEADLINE,
        [],
        "2023-03-04",
    ),
    (
        "ld_author_url_name_printed",
        ld({**ART, "author": {"@type": "Person", "name": "https://harbourpost.example/author/ann-lee"}}),
        H1 + '<div class="author"><a href="/author/ann-lee">Ann Lee</a></div>' + D,
        HEADLINE,
        ["Ann Lee"],
        "2023-03-04",
    ),
    (
        "ld_author_id_in_other_block",
        ld({**ART, "author": {"@id": "https://harbourpost.example/#ann"}})
        + ld(
            {
                "@context": "https://schema.org",
                "@type": "Person",
                "@id": "https://harbourpost.example/#ann",
                "name": "Ann Lee",
            }
        ),
        H1 + D,
        HEADLINE,
        ["Ann Lee"],
        "2023-03-04",
    ),
    (
        "ld_author_name_holds_a_link",
        ld(
            {
                **ART,
                "author": {"@type": "Person", "name": '<a href="/authors/ann-lee">Ann Lee</a>'},
                "datePublished": "2023-03-04",
            }
        ),
        H1 + D,
        HEADLINE,
        ["Ann Lee"],
        "2023-03-04",
    ),
    (
        "ld_author_given_family_names",
        ld(
            {
                **ART,
                "author": {"@type": "Person", "givenName": "Ann", "familyName": "Lee"},
                "datePublished": "2023-03-04",
            }
        ),
        H1 + D,
        HEADLINE,
        ["Ann Lee"],
        "2023-03-04",
    ),
    (
        "ld_author_with_role",
        ld({**ART, "author": {"@type": "Person", "name": "Ann Lee, Transport Correspondent"}}),
        H1 + D,
        HEADLINE,
        ["Ann Lee"],
        "2023-03-04",
    ),
    (
        "ld_author_staff_of_site",
        ld({**ART, "author": {"@type": "Person", "name": "Harbour Post Staff"}, "publisher": PUB}),
        H1 + D,
        HEADLINE,
        [],
        "2023-03-04",
    ),
    ("ld_creator_only", ld({**ART, "creator": ["Ann Lee"]}), H1 + D, HEADLINE, ["Ann Lee"], "2023-03-04"),
    (
        "ld_first_author_only_byline_two",
        ld({**ART, "author": {"@type": "Person", "name": "Ann Lee"}}),
        H1 + "<p>By Ann Lee and Bo Park</p>" + D,
        HEADLINE,
        ["Ann Lee", "Bo Park"],
        "2023-03-04",
    ),
    (
        "meta_author_is_site_og",
        '<meta property="og:site_name" content="Harbour Post"><meta name="author" content="Harbour Post">',
        H1 + D,
        HEADLINE,
        [],
        "2023-03-04",
    ),
    (
        "meta_author_is_site_title_only",
        T + '<meta name="author" content="Harbour Post">',
        H1 + D,
        HEADLINE,
        [],
        "2023-03-04",
    ),
    (
        "meta_author_url",
        '<meta name="author" content="https://harbourpost.example/staff/ann-lee">',
        H1 + D,
        HEADLINE,
        [],
        "2023-03-04",
    ),
    (
        "meta_article_author_facebook_and_name",
        '<meta property="article:author" content="https://www.facebook.com/annlee.news">'
        '<meta name="author" content="Ann Lee">',
        H1 + D,
        HEADLINE,
        ["Ann Lee"],
        "2023-03-04",
    ),
    (
        "meta_parsely_authors",
        '<meta name="parsely-author" content="Ann Lee"><meta name="parsely-author" content="Bo Park">',
        H1 + D,
        HEADLINE,
        ["Ann Lee", "Bo Park"],
        "2023-03-04",
    ),
    (
        "meta_sailthru_author_comma",
        '<meta name="sailthru.author" content="Ann Lee, Bo Park">',
        H1 + D,
        HEADLINE,
        ["Ann Lee", "Bo Park"],
        "2023-03-04",
    ),
    (
        "meta_dc_creator",
        '<meta name="DC.creator" content="Ann Lee">',
        H1 + D,
        HEADLINE,
        ["Ann Lee"],
        "2023-03-04",
    ),
    (
        "meta_byl_upper",
        '<meta name="byl" content="By ANN LEE and BO PARK">',
        H1 + D,
        HEADLINE,
        ["Ann Lee", "Bo Park"],
        "2023-03-04",
    ),
    (
        "meta_author_pipe_site",
        '<meta name="author" content="Ann Lee | Harbour Post">',
        H1 + D,
        HEADLINE,
        ["Ann Lee"],
        "2023-03-04",
    ),
    (
        "meta_author_twitter_handle",
        '<meta name="author" content="@annlee">',
        H1 + "<p>By Ann Lee</p>" + D,
        HEADLINE,
        ["Ann Lee"],
        "2023-03-04",
    ),
    (
        "rel_author_link",
        "",
        H1 + '<p>Story by <a rel="author" href="/ann">Ann Lee</a></p>' + D,
        HEADLINE,
        ["Ann Lee"],
        "2023-03-04",
    ),
    (
        "meta_author_comments_named",
        '<meta name="author" content="Ann Lee">',
        H1 + D,
        HEADLINE,
        ["Ann Lee"],
        "2023-03-04",
    ),
    (
        "meta_sources_disagree_one_printed",
        '<meta name="author" content="Ann Lee"><meta name="parsely-author" content="Harbour Post Digital">',
        H1 + "<p>By Ann Lee</p>" + D,
        HEADLINE,
        ["Ann Lee"],
        "2023-03-04",
    ),
    (
        "meta_author_wp_username",
        '<meta name="author" content="hpeditor2">',
        H1 + "<p>By Ann Lee</p>" + D,
        HEADLINE,
        ["Ann Lee"],
        "2023-03-04",
    ),
    (
        "ld_two_authors_byline_prints_both_parser_misses",
        ld(
            {
                **ART,
                "author": [{"@type": "Person", "name": "Ann Lee"}, {"@type": "Person", "name": "Bo Park"}],
            }
        ),
        H1
        + '<div class="authors"><a href="/a/ann-lee">Ann Lee</a><a href="/a/bo-park">Bo Park</a></div>'
        + D,
        HEADLINE,
        ["Ann Lee", "Bo Park"],
        "2023-03-04",
    ),
    (
        "meta_author_company_in_copyright_line",
        '<meta name="author" content="Harbour Media Group">',
        H1 + "<p>By Ann Lee</p>" + D + "<p>Copyright 2023 Harbour Media Group</p>",
        HEADLINE,
        ["Ann Lee"],
        "2023-03-04",
    ),
    (
        "meta_author_lowercase_no_byline",
        '<meta name="author" content="ann lee">',
        H1 + D,
        HEADLINE,
        ["ann lee"],
        "2023-03-04",
    ),
    (
        "meta_author_is_title_end_piece",
        "<title>" + HEADLINE + ' | Coast Weekly</title><meta name="author" content="Coast Weekly">',
        H1 + D,
        HEADLINE,
        [],
        "2023-03-04",
    ),
    (
        "opinion_author_first_in_title",
        "<title>Ann Lee: Why the islands need a late ferry | Harbour Post</title>"
        '<meta name="author" content="Ann Lee">',
        "<h1>Ann Lee: Why the islands need a late ferry</h1>" + D,
        "Ann Lee: Why the islands need a late ferry",
        ["Ann Lee"],
        "2023-03-04",
    ),
    # ---- titles
    (
        "og_title_generic_site_default",
        '<meta property="og:title" content="Harbour Post - Local news for the coast"><title>'
        + HEADLINE
        + " - Harbour Post</title>",
        '<p class="tagline">Local news for the coast</p>' + H1 + D,
        HEADLINE,
        [],
        "2023-03-04",
    ),
    (
        "generic_site_title_and_og",
        '<meta property="og:title" content="Harbour Post - Local news for the coast">'
        "<title>Harbour Post</title>",
        '<p class="tagline">Local news for the coast</p>' + H1 + D,
        HEADLINE,
        [],
        "2023-03-04",
    ),
    (
        "title_section_first_site_last_no_h1",
        "<title>Opinion | " + HEADLINE + " | Harbour Post</title>",
        '<p><a href="/opinion">Local News</a></p><div class="hed">' + HEADLINE + "</div>" + D,
        HEADLINE,
        [],
        "2023-03-04",
    ),
    (
        "title_site_unknown_printed_in_header",
        "<title>" + HEADLINE + " - Bayside Beacon</title>",
        '<p class="masthead">Bayside Beacon</p>' + D,
        HEADLINE,
        [],
        "2023-03-04",
    ),
    (
        "og_title_double_escaped",
        '<meta property="og:title" content="Ferry operator&amp;#8217;s late sailing to the islands">',
        '<div class="hed">Ferry operator\u2019s late sailing to the islands</div>' + D,
        "Ferry operator\u2019s late sailing to the islands",
        [],
        "2023-03-04",
    ),
    (
        "svg_icon_title_no_page_title",
        '<meta name="description" content="x">',
        '<a href="/share"><svg><title>Share on Facebook</title><path d="M0"/></svg></a><h2>'
        + HEADLINE
        + "</h2>"
        + D,
        HEADLINE,
        [],
        "2023-03-04",
    ),
    (
        "title_tag_section_site",
        "<title>" + HEADLINE + " | News | Harbour Post</title>",
        H1 + D,
        HEADLINE,
        [],
        "2023-03-04",
    ),
    (
        "og_title_site_first",
        '<meta property="og:title" content="Harbour Post: ' + HEADLINE + '">',
        H1 + D,
        HEADLINE,
        [],
        "2023-03-04",
    ),
    (
        "og_title_site_first_dash",
        '<meta property="og:title" content="Harbour Post - ' + HEADLINE + '">',
        '<div class="headline">' + HEADLINE + "</div>" + D,
        HEADLINE,
        [],
        "2023-03-04",
    ),
    (
        "title_bullet_separator",
        "<title>" + HEADLINE + " \u2022 Harbour Post</title>",
        D,
        HEADLINE,
        [],
        "2023-03-04",
    ),
    (
        "title_colon_site_no_og",
        "<title>Harbour Post: " + HEADLINE + "</title>",
        "<p><b>" + HEADLINE + "</b></p>" + D,
        HEADLINE,
        [],
        "2023-03-04",
    ),
    (
        "h1_logo_h2_headline",
        '<meta property="og:title" content="' + HEADLINE + ' - Harbour Post">',
        '<h1 class="logo">Harbour Post</h1><h2>' + HEADLINE + "</h2>" + D,
        HEADLINE,
        [],
        "2023-03-04",
    ),
    (
        "h1_logo_h2_headline_og_reworded",
        '<meta property="og:title" content="Islanders win their late ferry">',
        '<h1 class="logo">Harbour Post</h1><h2>' + HEADLINE + "</h2>" + D,
        HEADLINE,
        [],
        "2023-03-04",
    ),
    (
        "twitter_title_only",
        '<meta name="twitter:title" content="' + HEADLINE + '">',
        '<div class="hed">' + HEADLINE + "</div>" + D,
        HEADLINE,
        [],
        "2023-03-04",
    ),
    (
        "og_title_reworded_h1",
        '<meta property="og:title" content="Islanders win their late ferry">' + T,
        H1 + D,
        HEADLINE,
        [],
        "2023-03-04",
    ),
    (
        "headline_with_dash_inside",
        "<title>Late ferry to the islands - but not on Sundays | Harbour Post</title>",
        "<h1>Late ferry to the islands - but not on Sundays</h1>" + D,
        "Late ferry to the islands - but not on Sundays",
        [],
        "2023-03-04",
    ),
    (
        "title_not_printed_at_all",
        "<title>" + HEADLINE + " | Harbour Post</title>",
        D,
        HEADLINE,
        [],
        "2023-03-04",
    ),
    (
        "ld_headline_entities",
        ld(
            '{"@context":"https://schema.org","@type":"NewsArticle",'
            '"headline":"Ferry operator&#8217;s late sailing to the islands",'
            '"author":{"@type":"Person","name":"Se&aacute;n Lee"}}'
        ),
        "<h1>Ferry operator\u2019s late sailing to the islands</h1><p>By Se\u00e1n Lee</p>" + D,
        "Ferry operator\u2019s late sailing to the islands",
        ["Se\u00e1n Lee"],
        "2023-03-04",
    ),
    (
        "og_title_hyphen_h1_en_dash",
        '<meta property="og:title" content="Late ferry to the islands - but not on Sundays">',
        '<div class="hed">Late ferry to the islands \u2013 but not on Sundays</div>' + D,
        "Late ferry to the islands \u2013 but not on Sundays",
        [],
        "2023-03-04",
    ),
    (
        "h1_soft_hyphens",
        '<meta property="og:title" content="' + HEADLINE + ' | Harbour Post">',
        '<div class="hed">Ferry operator adds a late sail&shy;ing to the is&shy;lands</div>' + D,
        "Ferry operator adds a late sail\u00ading to the is\u00adlands",
        [],
        "2023-03-04",
    ),
    (
        "h1_with_kicker_span",
        '<meta property="og:title" content="' + HEADLINE + '">',
        '<h1><span class="kicker">Exclusive</span> ' + HEADLINE + "</h1>" + D,
        "Exclusive " + HEADLINE,
        [],
        "2023-03-04",
    ),
    (
        "kicker_before_headline_no_h1",
        '<meta property="og:title" content="' + HEADLINE + '">',
        '<div class="hed"><span class="kicker">Breaking news</span> ' + HEADLINE + "</div>" + D,
        HEADLINE,
        [],
        "2023-03-04",
    ),
    (
        "title_site_is_host_name",
        '<link rel="canonical" href="https://www.lakelandlantern.example/news/ferry"><title>'
        + HEADLINE
        + " | The Lakeland Lantern</title>",
        '<p class="brand">The Lakeland Lantern</p>' + D,
        HEADLINE,
        [],
        "2023-03-04",
    ),
    # ---- dates
    (
        "date_article_published_time_offset",
        '<meta property="article:published_time" content="2023-03-04T21:05:00-05:00">',
        H1,
        HEADLINE,
        [],
        "2023-03-04",
    ),
    (
        "date_ld_published_vs_modified",
        ld(
            {**ART, "datePublished": "2023-03-04T09:00:00+00:00", "dateModified": "2023-03-05T10:00:00+00:00"}
        ),
        H1 + "<p>Updated March 5, 2023, 10:00 a.m.</p><p>Published March 4, 2023</p>",
        HEADLINE,
        [],
        "2023-03-04",
    ),
    (
        "date_modified_printed_first_utc_midnight",
        ld(
            {**ART, "datePublished": "2023-03-04T23:00:00+00:00", "dateModified": "2023-03-05T08:00:00+00:00"}
        ),
        H1 + "<p>Updated: March 5, 2023</p>",
        HEADLINE,
        [],
        "2023-03-04",
    ),
    (
        "date_time_in_byline_relative",
        "",
        H1 + '<p>By Ann Lee <time datetime="2023-03-04T14:00:00Z">2 hours ago</time></p>',
        HEADLINE,
        ["Ann Lee"],
        "2023-03-04",
    ),
    ("date_meta_name_date", '<meta name="date" content="2023-03-04">', H1, HEADLINE, [], "2023-03-04"),
    ("date_meta_pubdate_compact", '<meta name="pubdate" content="20230304">', H1, HEADLINE, [], "2023-03-04"),
    (
        "date_meta_publish_date_slashes",
        '<meta name="publish-date" content="2023/03/04">',
        H1,
        HEADLINE,
        [],
        "2023-03-04",
    ),
    (
        "date_meta_sailthru",
        '<meta name="sailthru.date" content="2023-03-04 09:05:00">',
        H1,
        HEADLINE,
        [],
        "2023-03-04",
    ),
    (
        "date_meta_parsely",
        '<meta name="parsely-pub-date" content="2023-03-04T14:05:00Z">',
        H1,
        HEADLINE,
        [],
        "2023-03-04",
    ),
    (
        "date_utc_next_day_printed_local",
        ld({**ART, "datePublished": "2023-03-05T03:30:00Z"}),
        H1 + "<p>March 4, 2023 10:30 p.m. ET</p>",
        HEADLINE,
        [],
        "2023-03-04",
    ),
    (
        "date_offset_east_keeps_day",
        ld({**ART, "datePublished": "2023-03-05T08:30:00+10:00"}),
        H1,
        HEADLINE,
        [],
        "2023-03-05",
    ),
    (
        "date_header_clock_next_day_offset",
        '<meta property="article:published_time" content="2023-03-04T17:05:00-07:00">',
        '<p class="today">Sunday, March 5, 2023</p>' + H1,
        HEADLINE,
        [],
        "2023-03-04",
    ),
    (
        "date_epoch_seconds",
        '<meta property="article:published_time" content="1677920700">',
        H1,
        HEADLINE,
        [],
        "2023-03-04",
    ),
    (
        "date_epoch_millis_ld",
        ld(
            '{"@context":"https://schema.org","@type":"NewsArticle","headline":"'
            + HEADLINE
            + '","datePublished":1677920700000}'
        ),
        H1,
        HEADLINE,
        [],
        "2023-03-04",
    ),
    (
        "date_rfc2822",
        '<meta name="date" content="Sat, 04 Mar 2023 09:05:00 GMT">',
        H1,
        HEADLINE,
        [],
        "2023-03-04",
    ),
    (
        "date_offset_no_colon",
        '<meta property="article:published_time" content="2023-03-04T09:05:00+0100">',
        H1,
        HEADLINE,
        [],
        "2023-03-04",
    ),
    (
        "date_millis_z",
        '<meta property="article:published_time" content="2023-03-04T09:05:00.000Z">',
        H1,
        HEADLINE,
        [],
        "2023-03-04",
    ),
    (
        "date_itemprop_meta",
        '<meta itemprop="datePublished" content="2023-03-04">',
        H1,
        HEADLINE,
        [],
        "2023-03-04",
    ),
    (
        "date_template_default_epoch_zero",
        '<meta property="article:published_time" content="1970-01-01T00:00:00Z">'
        '<meta name="date" content="2023-03-04">',
        H1,
        HEADLINE,
        [],
        "2023-03-04",
    ),
    (
        "date_url_only",
        '<link rel="canonical" href="https://harbourpost.example/2023/03/04/late-ferry/">',
        H1,
        HEADLINE,
        [],
        "2023-03-04",
    ),
    (
        "date_modified_only_meta_printed",
        '<meta property="article:modified_time" content="2023-03-09T10:00:00Z">',
        H1 + D,
        HEADLINE,
        [],
        "2023-03-04",
    ),
    (
        "date_og_article_published",
        '<meta property="og:article:published_time" content="2023-03-04T09:05:00Z">',
        H1,
        HEADLINE,
        [],
        "2023-03-04",
    ),
    ("date_dcterms", '<meta name="dcterms.date" content="2023-03-04">', H1, HEADLINE, [], "2023-03-04"),
    (
        "date_related_time_first",
        "",
        '<aside><time datetime="2023-02-01T10:00:00Z">Feb 1</time></aside>'
        + H1
        + '<p>By Ann Lee | <time class="date" datetime="2023-03-04T10:00:00Z">Mar. 4, 2023</time></p>',
        HEADLINE,
        ["Ann Lee"],
        "2023-03-04",
    ),
    (
        "date_ld_created_only",
        ld({**ART, "dateCreated": "2023-03-04T09:05:00Z"}),
        H1,
        HEADLINE,
        [],
        "2023-03-04",
    ),
    # ---- JSON-LD syntax
    (
        "ld_graph_in_array",
        ld(
            [
                {
                    "@context": "https://schema.org",
                    "@graph": [
                        {"@type": "WebSite", "name": "Harbour Post"},
                        {
                            **ART,
                            "author": {"@type": "Person", "name": "Ann Lee"},
                            "datePublished": "2023-03-04",
                        },
                    ],
                }
            ]
        ),
        H1,
        HEADLINE,
        ["Ann Lee"],
        "2023-03-04",
    ),
    (
        "ld_html_comment",
        ld(
            "<!--\n"
            + json.dumps(
                {**ART, "author": {"@type": "Person", "name": "Ann Lee"}, "datePublished": "2023-03-04"}
            )
            + "\n-->"
        ),
        H1,
        HEADLINE,
        ["Ann Lee"],
        "2023-03-04",
    ),
    (
        "ld_cdata_slashes",
        ld(
            "//<![CDATA[\n"
            + json.dumps(
                {**ART, "author": {"@type": "Person", "name": "Ann Lee"}, "datePublished": "2023-03-04"}
            )
            + "\n//]]>"
        ),
        H1,
        HEADLINE,
        ["Ann Lee"],
        "2023-03-04",
    ),
    (
        "ld_trailing_commas_newlines",
        ld(
            '{\n"@context": "https://schema.org",\n"@type": "NewsArticle",\n"headline": "'
            + HEADLINE
            + '",\n"author": {"@type": "Person", "name": "Ann Lee",},\n"datePublished": "2023-03-04",\n}'
        ),
        H1,
        HEADLINE,
        ["Ann Lee"],
        "2023-03-04",
    ),
    (
        "ld_two_objects_one_block",
        ld(
            json.dumps({"@context": "https://schema.org", "@type": "Organization", "name": "Harbour Post"})
            + "\n"
            + json.dumps(
                {**ART, "author": {"@type": "Person", "name": "Ann Lee"}, "datePublished": "2023-03-04"}
            )
        ),
        H1,
        HEADLINE,
        ["Ann Lee"],
        "2023-03-04",
    ),
    (
        "ld_main_entity",
        ld(
            {
                "@context": "https://schema.org",
                "@type": "WebPage",
                "mainEntity": {
                    **ART,
                    "author": {"@type": "Person", "name": "Ann Lee"},
                    "datePublished": "2023-03-04",
                },
            }
        ),
        H1,
        HEADLINE,
        ["Ann Lee"],
        "2023-03-04",
    ),
    (
        "ld_reportage_type_list",
        ld(
            {
                **ART,
                "@type": ["Article", "ReportageNewsArticle"],
                "author": {"@type": "Person", "name": "Ann Lee"},
                "datePublished": "2023-03-04",
            }
        ),
        H1,
        HEADLINE,
        ["Ann Lee"],
        "2023-03-04",
    ),
    (
        "ld_type_url",
        ld(
            {
                **ART,
                "@type": "http://schema.org/NewsArticle",
                "author": {"@type": "Person", "name": "Ann Lee"},
                "datePublished": "2023-03-04",
            }
        ),
        H1,
        HEADLINE,
        ["Ann Lee"],
        "2023-03-04",
    ),
    (
        "ld_blogposting",
        ld(
            {
                **ART,
                "@type": "BlogPosting",
                "author": {"@type": "Person", "name": "Ann Lee"},
                "datePublished": "2023-03-04",
            }
        ),
        H1,
        HEADLINE,
        ["Ann Lee"],
        "2023-03-04",
    ),
    (
        "ld_trailing_semicolon",
        ld(
            json.dumps(
                {**ART, "author": {"@type": "Person", "name": "Ann Lee"}, "datePublished": "2023-03-04"}
            )
            + ";"
        ),
        H1,
        HEADLINE,
        ["Ann Lee"],
        "2023-03-04",
    ),
    (
        "ld_related_articles_itemlist_first",
        ld(
            {
                "@context": "https://schema.org",
                "@type": "ItemList",
                "itemListElement": [
                    {
                        "@type": "ListItem",
                        "position": 1,
                        "item": {
                            "@type": "NewsArticle",
                            "headline": "Council votes on bus lanes",
                            "author": {"@type": "Person", "name": "Cy Dunne"},
                            "datePublished": "2023-02-01",
                        },
                    }
                ],
            }
        )
        + ld({**ART, "author": {"@type": "Person", "name": "Ann Lee"}, "datePublished": "2023-03-04"}),
        H1,
        HEADLINE,
        ["Ann Lee"],
        "2023-03-04",
    ),
    (
        "ld_unescaped_newline_in_string",
        ld(
            '{"@context":"https://schema.org","@type":"NewsArticle","headline":"'
            + HEADLINE
            + '","description":"Line one\nline two","author":{"@type":"Person","name":"Ann Lee"},'
            '"datePublished":"2023-03-04"}'
        ),
        H1,
        HEADLINE,
        ["Ann Lee"],
        "2023-03-04",
    ),
]
