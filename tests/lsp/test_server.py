"""The language server through a real client: every request an editor makes."""

import asyncio
import json
import subprocess

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from conftest import PLANC, ROOT

# A path with Chinese in it, percent-encoded as editors send it.
URI = "file:///tmp/planc-lsp-test/%E9%A2%84%E6%A1%88.plan"

# 𠮷 lies outside the Basic Multilingual Plane: one character, two UTF-16
# units, four UTF-8 bytes. A server counting characters or bytes gets the
# columns on line 3 wrong.
PLAN = """plan "信访应急预案" { commander leader }
role leader "领导小组组长" { holder "张三"; phone "0000" }
role office "信访工作办公室" { holder "李四"; escalates to leader within 10m }
step report "向𠮷组长通报" { owner ofice; on mass_visit; within 10m; notify leader }
fact visitors "到场上访人数": count
trigger mass_visit "集体上访" when visitors >= 50
drill annual "演练" { owner office; every 1y }
"""


def pos(line, character):
    return types.Position(line=line, character=character)


def doc():
    return types.TextDocumentIdentifier(uri=URI)


async def open_plan(client: LanguageClient, text=PLAN, uri=URI):
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=uri, language_id="plan", version=1, text=text
            )
        )
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return client.diagnostics[uri]


async def test_diagnostics_count_columns_in_utf16_units(client: LanguageClient):
    diagnostics = await open_plan(client)
    assert [(d.code, d.severity) for d in diagnostics] == [
        ("undefined-name", types.DiagnosticSeverity.Error)
    ]
    d = diagnostics[0]
    # `step report "向𠮷组长通报" { owner ` is 29 characters but 30 UTF-16 units.
    assert d.range == types.Range(start=pos(3, 30), end=pos(3, 35))
    assert d.message == "`ofice` is not defined\nhelp: did you mean `office`?"
    assert d.source == "planc"
    assert d.related_information[0].message == "expected an internal role"


async def test_did_change_publishes_new_diagnostics(client: LanguageClient):
    await open_plan(client)
    # Fix the typo: insert the missing `f` after `of` (line 3, unit 32).
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=URI, version=2),
            content_changes=[
                types.TextDocumentContentChangePartial(
                    range=types.Range(start=pos(3, 32), end=pos(3, 32)), text="f"
                )
            ],
        )
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert list(client.diagnostics[URI]) == []
    # A whole-text change: a full-width comma, reported where it stands.
    broken = PLAN.replace("ofice; on mass_visit", "office； on mass_visit")
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=URI, version=3),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=broken)],
        )
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    [d] = client.diagnostics[URI]
    assert d.code == "syntax-error"
    assert d.range.start == pos(3, 36)
    assert "type the ASCII `;` instead" in d.message


async def test_definition_and_references(client: LanguageClient):
    await open_plan(client)
    # `leader` after `notify` on line 3.
    line = PLAN.splitlines()[3]
    at = len(line[: line.index("notify leader") + 8].encode("utf-16-le")) // 2
    result = await client.text_document_definition_async(
        types.DefinitionParams(text_document=doc(), position=pos(3, at))
    )
    assert result == types.Location(
        uri=URI, range=types.Range(start=pos(1, 5), end=pos(1, 11))
    )
    refs = await client.text_document_references_async(
        types.ReferenceParams(
            text_document=doc(),
            position=pos(1, 6),
            context=types.ReferenceContext(include_declaration=True),
        )
    )
    assert [(r.range.start.line, r.range.start.character) for r in refs] == [
        (0, 26),
        (1, 5),
        (2, 50),
        (3, 71),
    ]


async def test_hover_shows_a_role_card(client: LanguageClient):
    await open_plan(client)
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=doc(), position=pos(2, 7))
    )
    assert hover.contents.kind == types.MarkupKind.Markdown
    assert hover.contents.value == (
        "**role** `office` — 信访工作办公室\n\n"
        "- holder: 李四\n"
        "- escalates to: `leader` — 领导小组组长 within 10m\n"
    )
    assert hover.range == types.Range(start=pos(2, 5), end=pos(2, 11))


async def test_completion_offers_roles_after_owner(client: LanguageClient):
    await open_plan(client, PLAN + "step new \"新步骤\" {\n  owner \n")
    result = await client.text_document_completion_async(
        types.CompletionParams(text_document=doc(), position=pos(8, 8))
    )
    items = result.items if isinstance(result, types.CompletionList) else result
    assert [(i.label, i.detail) for i in items] == [
        ("leader", "领导小组组长"),
        ("office", "信访工作办公室"),
    ]
    assert items[0].kind == types.CompletionItemKind.Class


async def test_rename_changes_every_use_and_refuses_keywords(client: LanguageClient):
    await open_plan(client)
    prepared = await client.text_document_prepare_rename_async(
        types.PrepareRenameParams(text_document=doc(), position=pos(1, 7))
    )
    assert prepared.placeholder == "leader"
    edit = await client.text_document_rename_async(
        types.RenameParams(text_document=doc(), position=pos(1, 7), new_name="组长")
    )
    edits = edit.changes[URI]
    assert len(edits) == 4
    assert {e.new_text for e in edits} == {"组长"}
    with pytest.raises(Exception, match="keyword"):
        await client.text_document_prepare_rename_async(
            types.PrepareRenameParams(text_document=doc(), position=pos(1, 1))
        )


async def test_code_action_fixes_the_typo(client: LanguageClient):
    [d] = await open_plan(client)
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=doc(),
            range=d.range,
            context=types.CodeActionContext(diagnostics=[d]),
        )
    )
    [action] = actions
    assert action.title == "Replace `ofice` with `office`"
    assert action.is_preferred
    [edit] = action.edit.changes[URI]
    assert (edit.range, edit.new_text) == (d.range, "office")


async def test_document_symbols_outline_the_plan(client: LanguageClient):
    await open_plan(client)
    symbols = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=doc())
    )
    assert [(s.name, s.detail) for s in symbols] == [
        ("信访应急预案", "plan"),
        ("leader", "领导小组组长"),
        ("office", "信访工作办公室"),
        ("report", "向𠮷组长通报"),
        ("visitors", "到场上访人数"),
        ("mass_visit", "集体上访"),
        ("annual", "演练"),
    ]


async def test_semantic_tokens_cover_the_plan(client: LanguageClient):
    await open_plan(client)
    tokens = await client.text_document_semantic_tokens_full_async(
        types.SemanticTokensParams(text_document=doc())
    )
    # The first token is the `plan` keyword at 0:0, 4 units long, type 0 (keyword).
    assert list(tokens.data[:5]) == [0, 0, 4, 0, 0]
    assert len(tokens.data) % 5 == 0 and len(tokens.data) > 100


def offset(text, position):
    """The index in `text` of an LSP position (line, UTF-16 units)."""
    lines = text.splitlines(keepends=True)
    start = sum(len(line) for line in lines[: position.line])
    line = lines[position.line] if position.line < len(lines) else ""
    units = 0
    for i, ch in enumerate(line):
        if units >= position.character or ch in "\r\n":
            return start + i
        units += 2 if ord(ch) > 0xFFFF else 1
    return start + len(line)


def apply_edits(text, edits):
    """`text` with LSP text edits applied (they never overlap), last first."""
    for edit in sorted(
        edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True
    ):
        start, end = offset(text, edit.range.start), offset(text, edit.range.end)
        text = text[:start] + edit.new_text + text[end:]
    return text


# PLAN, its typo corrected, in the canonical layout of docs/formatting.md, written out by hand.
FORMATTED = """plan "信访应急预案" {
  commander leader
}

role leader "领导小组组长" {
  holder "张三"
  phone "0000"
}

role office "信访工作办公室" {
  holder "李四"
  escalates to leader within 10m
}

step report "向𠮷组长通报" {
  owner office
  on mass_visit
  within 10m
  notify leader
}

fact visitors "到场上访人数": count
trigger mass_visit "集体上访" when visitors >= 50

drill annual "演练" {
  owner office
  every 1y
}
"""


async def test_formatting_gives_the_canonical_layout(client: LanguageClient):
    assert client.server_capabilities.document_formatting_provider
    messy = PLAN.replace("ofice", "office").replace("{ ", "{   ")
    await open_plan(client, messy)
    options = types.FormattingOptions(tab_size=2, insert_spaces=True)
    edits = await client.text_document_formatting_async(
        types.DocumentFormattingParams(text_document=doc(), options=options)
    )
    assert apply_edits(messy, edits) == FORMATTED

    # Formatted text needs no edit.
    await open_plan(client, FORMATTED)
    edits = await client.text_document_formatting_async(
        types.DocumentFormattingParams(text_document=doc(), options=options)
    )
    assert edits is not None and len(edits) == 0


@pytest.mark.parametrize(
    "name", sorted(p.name for p in (ROOT / "plans").glob("*.plan")) + ["typo"]
)
async def test_diagnostics_match_planc_check(client: LanguageClient, name, tmp_path):
    if name == "typo":
        path = tmp_path / "typo.plan"
        path.write_text(PLAN, encoding="utf-8")
    else:
        path = ROOT / "plans" / name
    text = path.read_text(encoding="utf-8")
    lsp = await open_plan(client, text, path.as_uri())
    check = subprocess.run(
        [PLANC, "check", "--format", "json", str(path)],
        capture_output=True, text=True, timeout=60,
    )
    lines = text.splitlines()
    expected = [
        (
            d["code"],
            d["severity"],
            d["line"] - 1,
            # JSON columns count characters from 1; LSP counts UTF-16 units from 0.
            len(lines[d["line"] - 1][: d["column"] - 1].encode("utf-16-le")) // 2,
            d["message"],
            d["help"],
        )
        for d in json.loads(check.stdout)["diagnostics"]
    ]
    severity = {
        types.DiagnosticSeverity.Error: "error",
        types.DiagnosticSeverity.Warning: "warning",
    }
    got = [
        (
            d.code,
            severity[d.severity],
            d.range.start.line,
            d.range.start.character,
            *(d.message.split("\nhelp: ") + [None])[:2],
        )
        for d in lsp
    ]
    assert got == expected
    if name == "typo":
        assert len(got) == 1


async def test_shutdown_and_exit_end_the_server(client: LanguageClient):
    await open_plan(client)
    await client.shutdown_session()
    assert client._server.returncode == 0
    # The fixture's teardown shuts down only a session that still has capabilities.
    client.capabilities = None
