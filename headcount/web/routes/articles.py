"""Articles: the list, one article with every figure marked and linked to its claim, adding an
article (upload or URL) and adding a claim the extractor missed (select the figure in the text)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse
from pydantic import BaseModel, Field
from starlette.datastructures import UploadFile as FormFile

from headcount import errors
from headcount.errors import InputError
from headcount.model import BOUNDS, KINDS, METRICS, SIDES
from headcount.reviews import EDITABLE, PERS, added_claim
from headcount.store import dashboard as browse
from headcount.web import csrf
from headcount.web.app import render
from headcount.web.auth import require_account
from headcount.web.routes import PAGE_SIZE, dashboard, int_param, query_string, text_param
from headcount.web.views import article_view, claim_row, marked_body, review_view, value_text

router = APIRouter()
#: Largest upload accepted from the browser.
MAX_UPLOAD = 5 * 1024 * 1024
UPLOAD_SUFFIXES = (".txt", ".md", ".text", ".html", ".htm", ".jsonl", ".ndjson", ".warc", ".gz")


def articles_data(request: Request) -> dict[str, Any]:
    d = dashboard(request)
    outlet, q = text_param(request, "outlet"), text_param(request, "q")
    page = int_param(request, "page", 1, high=browse.MAX_OFFSET // PAGE_SIZE + 1)
    rows, more = browse.articles_page(
        d.engine, outlet=outlet, search=q, offset=(page - 1) * PAGE_SIZE, limit=PAGE_SIZE
    )
    raw = {"outlet": outlet, "q": q}
    return {
        "articles": [article_view(a) for a in rows],
        "filters": raw,
        "page": page,
        "more": more,
        "prev": query_string(raw, page=page - 1) if page > 1 else "",
        "next": query_string(raw, page=page + 1) if more else "",
    }


def article_data(request: Request, article_id: int) -> dict[str, Any]:
    d = dashboard(request)
    article = d.ledger.article(article_id)
    records = d.reviewed(d.ledger.claims(article_id=article_id))
    added = [r for r in d.reviews.for_article(article_id) if r.action == "add"]
    spans = [(rc.record.claim.start, rc.record.claim.end, rc.record.id, rc.state) for rc in records]
    spans += [(r.changes["start"], r.changes["end"], -r.id, "added") for r in added]
    added_records = d.added_records(added)
    return {
        "article": article_view(article),
        "pieces": marked_body(article.article.body, spans),
        "claims": [claim_row(rc) for rc in records],
        "added": [
            {
                **review_view(r),
                "figure": rec.claim.figure,
                "value": value_text(rec.claim),
                "metric": rec.claim.metric,
                "side": rec.claim.side,
                "claimant": rec.claim.claimant,
                "quote": rec.claim.quote,
            }
            for r, rec in zip(added, added_records, strict=True)
        ],
        "vocab": {"bound": BOUNDS, "kind": KINDS, "metric": METRICS, "side": SIDES, "per": ("", *PERS)},
    }


@router.get("/articles", response_class=HTMLResponse, include_in_schema=False)
def articles_page(request: Request) -> HTMLResponse:
    return render(request, "articles.html", articles_data(request))


@router.get("/api/articles", tags=["articles"])
def articles_api(request: Request) -> dict[str, Any]:
    """Articles, newest first (outlet, q full-text, page), 50 per page."""
    data = articles_data(request)
    return {k: data[k] for k in ("articles", "filters", "page", "more")}


@router.get("/articles/new", response_class=HTMLResponse, include_in_schema=False)
def new_article_page(request: Request) -> HTMLResponse:
    require_account(request)
    return render(
        request, "article_new.html", {"max_mb": MAX_UPLOAD // (1024 * 1024), "suffixes": UPLOAD_SUFFIXES}
    )


@router.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
def article_page(request: Request, article_id: int) -> HTMLResponse:
    return render(request, "article.html", article_data(request, article_id))


@router.get("/api/articles/{article_id}", tags=["articles"])
def article_api(request: Request, article_id: int) -> dict[str, Any]:
    """One article with its body, its claims (reviewed values) and the claims added by hand."""
    d = dashboard(request)
    data = article_data(request, article_id)
    article = d.ledger.article(article_id)
    return {**article.to_dict(body=True), "claims": data["claims"], "added": data["added"]}


def ingest_sources(request: Request, sources: list[str]) -> tuple[Any, list[int]]:
    from headcount.ledger import ingest

    d = dashboard(request)
    summary = ingest(d.ledger, sources)
    ids = [i for s in sources for i in browse.article_ids_from(d.engine, s)]
    return summary, ids


async def _read_upload(upload: FormFile) -> tuple[str, bytes]:
    name = Path(upload.filename or "article.txt").name
    if not name.lower().endswith(UPLOAD_SUFFIXES):
        raise InputError(
            name, f"not an article file; upload one of {', '.join(UPLOAD_SUFFIXES)}", code=errors.UNSUPPORTED
        )
    data = await upload.read(MAX_UPLOAD + 1)
    if len(data) > MAX_UPLOAD:
        raise InputError(name, f"larger than {MAX_UPLOAD // (1024 * 1024)} MB", code=errors.TOO_LARGE)
    return name, data


def _check_url(url: str) -> str:
    url = url.strip()
    if not url.lower().startswith(("http://", "https://")) or len(url) > 2000:
        raise InputError(
            url[:80], "give a web address starting with http:// or https://", code=errors.BAD_FIELD
        )
    return url


async def add_articles(request: Request, upload: FormFile | None, url: str | None) -> tuple[Any, list[int]]:
    if (upload is None or not upload.filename) and not url:
        raise InputError("article", "choose a file to upload or give a URL", code=errors.BAD_FIELD)
    with tempfile.TemporaryDirectory(prefix="headcount-upload-") as folder:
        sources = []
        if upload is not None and upload.filename:
            name, data = await _read_upload(upload)
            path = Path(folder) / name
            path.write_bytes(data)
            sources.append(str(path))
        if url:
            sources.append(_check_url(url))
        return ingest_sources(request, sources)


@router.post("/articles/new", include_in_schema=False, dependencies=[Depends(csrf.check)])
async def new_article_form(request: Request) -> Any:
    require_account(request)
    form = await request.form()
    try:
        upload = form.get("file")
        url = form.get("url")
        summary, ids = await add_articles(
            request,
            upload if isinstance(upload, FormFile) else None,
            url if isinstance(url, str) and url.strip() else None,
        )
    finally:
        await form.close()
    if len(ids) == 1 and not summary.rejections:
        return RedirectResponse(f"/articles/{ids[0]}", status_code=303)
    return render(
        request,
        "article_added.html",
        {"summary": summary, "ids": ids, "rejections": [str(r) for r in summary.rejections]},
        status=200 if ids else 400,
    )


@router.post("/api/articles", tags=["articles"], status_code=201, dependencies=[Depends(csrf.check)])
async def new_article_api(
    request: Request, file: UploadFile | None = None, url: str | None = None
) -> dict[str, Any]:
    """Ingest an uploaded article file (multipart ``file``) and/or a ``url``; returns the article ids."""
    require_account(request)
    summary, ids = await add_articles(request, file, url)
    return {
        "articles": ids,
        "new": summary.new,
        "unchanged": summary.unchanged,
        "claims": summary.claims,
        "rejections": [str(r) for r in summary.rejections],
    }


def store_added(
    request: Request,
    article_id: int,
    account_id: int,
    start: int,
    end: int,
    fields: dict[str, Any],
    note: str,
) -> int:
    d = dashboard(request)
    article = d.ledger.article(article_id)
    claim = added_claim(
        article.article.body, article.article.doc, article.article.language, start, end, fields
    )
    return d.reviews.add_review(
        user_id=account_id,
        article_id=article_id,
        claim_id=None,
        action="add",
        changes=claim,
        reason=None,
        note=note.strip()[:2000],
    )


def _offset(name: str, value: Any) -> int:
    try:
        return int(str(value))
    except ValueError:
        raise InputError(name, "select the figure in the article text first", code=errors.BAD_FIELD) from None


@router.post("/articles/{article_id}/claims", include_in_schema=False, dependencies=[Depends(csrf.check)])
async def add_claim_form(request: Request, article_id: int) -> RedirectResponse:
    account = require_account(request)
    form = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
    # The figure itself is the selected text: every other field comes from the form.
    fields = {k: v for k, v in form.items() if k in EDITABLE and k != "figure"}
    review_id = store_added(
        request,
        article_id,
        account.id,
        _offset("start", form.get("start")),
        _offset("end", form.get("end")),
        fields,
        form.get("note", ""),
    )
    return RedirectResponse(f"/articles/{article_id}#added-{review_id}", status_code=303)


class AddedClaim(BaseModel):
    """A claim the extractor missed: the figure's code-point offsets in the body and its fields."""

    start: int
    end: int
    fields: dict[str, Any] = Field(default_factory=dict)
    note: str = ""


@router.post(
    "/api/articles/{article_id}/claims", tags=["reviews"], status_code=201, dependencies=[Depends(csrf.check)]
)
def add_claim_api(request: Request, article_id: int, body: AddedClaim) -> dict[str, Any]:
    """Add a claim the extractor missed (stored as a review of action ``add``)."""
    account = require_account(request)
    review_id = store_added(request, article_id, account.id, body.start, body.end, body.fields, body.note)
    review = dashboard(request).reviews.review(review_id)
    assert review is not None
    return review.to_dict()
