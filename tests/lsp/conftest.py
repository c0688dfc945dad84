"""A real LSP client (pytest-lsp, on pygls) driving `planc lsp` over stdio."""

import os
import pathlib

import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

ROOT = pathlib.Path(__file__).resolve().parents[2]
TARGET = pathlib.Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
PLANC = os.environ.get("PLANC", str(TARGET / "debug" / "planc"))


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[PLANC, "lsp", "--stdio"]))
async def client(lsp_client: LanguageClient):
    result = await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(
                text_document=types.TextDocumentClientCapabilities(
                    document_symbol=types.DocumentSymbolClientCapabilities(
                        hierarchical_document_symbol_support=True
                    ),
                    rename=types.RenameClientCapabilities(prepare_support=True),
                )
            ),
            root_uri=ROOT.as_uri(),
        )
    )
    lsp_client.server_capabilities = result.capabilities
    yield
    await lsp_client.shutdown_session()
