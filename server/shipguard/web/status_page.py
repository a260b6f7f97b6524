"""The status page at /: what the server serves, and template editing for the team."""

from flask import Blueprint, abort, current_app, redirect, request, url_for

from shipguard import config
from shipguard.bundle.problems import DataError
from shipguard.bundle.reloader import EXTENSION_KEY
from shipguard.buyer_messages.examples import rendered_examples
from shipguard.web import auth
from shipguard.web.errors import error_response
from shipguard.web.htmlpage import html_response
from shipguard.web.template_editor import Edit, StaleEdit, save_edit
from shipguard.web.template_history import TemplateHistory, history_path, text_diff, text_version

status_page = Blueprint("status", __name__)
# Names are kept as typed, but a history line is no place for an essay.
MAX_AUTHOR_CHARS = 80


def _reloader():
    return current_app.extensions[EXTENSION_KEY]


@status_page.get("/")
def show():
    refusal = auth.read_refusal()
    if refusal is not None:
        return refusal
    return _page()


@status_page.post("/templates/<template_id>/<locale>")
def save(template_id, locale):
    refusal, template = _editable_template(template_id, locale)
    if refusal is not None:
        return refusal
    subject, body = request.form.get("subject"), request.form.get("body")
    if subject is None or body is None:
        abort(400, "The form needs a subject and a body.")
    return _apply(template, _edit(template_id, locale, subject, body))


@status_page.post("/templates/<template_id>/<locale>/restore")
def restore(template_id, locale):
    refusal, template = _editable_template(template_id, locale)
    if refusal is not None:
        return refusal
    try:
        version_id = int(request.form.get("restore", ""))
    except ValueError:
        abort(400, "The form needs the number of the version to restore.")
    version = TemplateHistory(history_path(current_app.config["DATA_DIR"])).version(version_id)
    if version is None or (version.template, version.locale) != (template_id, locale):
        abort(404, f"No saved version {version_id} of {template_id!r} in {locale!r}.")
    edit = _edit(template_id, locale, version.subject, version.body, restored_from=version.id)
    return _apply(template, edit)


def _editable_template(template_id, locale):
    """(None, the served template) if this request may edit it, else (the refusal, None)."""
    if not current_app.config.get("DATA_DIR"):
        return error_response(
            403, "Editing is off: the server has no team data folder (--data-dir)."
        ), None
    refusal = auth.write_refusal(request.form.get("token"))
    if refusal is not None:
        return refusal, None
    template = _reloader().bundle.data.template(template_id)
    if template is None or locale not in template["locales"]:
        abort(404, f"No template {template_id!r} in {locale!r}.")
    return None, template


def _edit(template_id, locale, subject, body, restored_from=None):
    base_version = request.form.get("version")
    if not base_version:
        abort(400, "The form needs the version of the text it started from; reload the page.")
    author = " ".join(request.form.get("name", "").split())[:MAX_AUTHOR_CHARS]
    return Edit(
        template_id,
        locale,
        subject,
        body,
        base_version,
        author or "(no name given)",
        restored_from,
    )


def _apply(template, edit):
    """Save the edit and go back to the page, or show the page again with why it was not saved."""
    key = (edit.template_id, edit.locale)
    kept = {"key": key, "subject": edit.subject, "body": edit.body}
    try:
        save_edit(current_app.config["DATA_DIR"], template, edit)
    except StaleEdit as stale:
        _reloader().check(force=True)
        conflict = {**kept, "theirs": stale.current, "version": stale.version}
        return _page(conflict=conflict, status=409)
    except DataError as error:
        return _page(rejected={**kept, "problems": error.problems}, status=422)
    _reloader().check(force=True)
    return redirect(
        url_for("status.show", saved="/".join(key), _anchor=_anchor(*key)),
        303,
    )


def _page(rejected=None, conflict=None, status=200):
    reloader = _reloader()
    bundle = reloader.bundle
    data = bundle.data
    nonce = auth.csrf_nonce()
    context = {
        "bundle": bundle,
        "reloader": reloader,
        "sources": _sources(data.files, reloader.team_dir),
        "rules": data.rules,
        "disabled_features": data.disabled_features,
        "pages": [_page_summary(page) for page in data.pages],
        "marketplaces": data.marketplaces,
        "templates": [_template_view(template, data) for template in data.templates],
        "saved": _saved(data, request.args.get("saved")),
        "rejected": rejected,
        "conflict": conflict,
        "history": _history(reloader.team_dir),
        "text_version": text_version,
        "editing_off": _editing_state(reloader.team_dir),
        "csrf": auth.csrf_token(nonce) if auth.editing_enabled() else "",
        "anchor": _anchor,
    }
    return auth.set_csrf_cookie(html_response("status.html", status=status, **context), nonce)


def _sources(files, team_dir):
    """Each data file with the layer it belongs to, named relative to that layer."""
    layers = [("team", team_dir)] if team_dir else []
    layers += [("default", config.default_data_dir()), ("default", config.messages_dir().parent)]
    sources = []
    for path in files:
        for layer, root in layers:
            if root and path.is_relative_to(root):
                sources.append(
                    {"layer": layer, "name": path.relative_to(root).as_posix(), "path": path}
                )
                break
        else:
            sources.append({"layer": "?", "name": str(path), "path": path})
    return sources


def _history(team_dir):
    """Each template language's saved versions, newest first, each with its diff from the one
    before it; empty without a team folder."""
    if not team_dir:
        return {}
    try:
        by_key = TemplateHistory(history_path(team_dir)).versions()
    except DataError:
        return {}  # an unreadable history must not take the status page down with it
    return {
        key: [
            {"version": version, "diff": text_diff(older.texts, version.texts) if older else []}
            for version, older in zip(versions, [*versions[1:], None], strict=True)
        ]
        for key, versions in by_key.items()
    }


def _page_summary(page):
    return {
        "id": page["id"],
        "title": page.get("title", ""),
        "url_patterns": page.get("url_patterns", []),
        "selectors": sorted(page.get("selectors", {})),
        "label_locales": sorted(page.get("labels", {})),
    }


def _template_view(template, data):
    return {
        "template": template,
        "languages": rendered_examples(template, getattr(data, "lint", None), data.date_formats),
    }


def _saved(data, value):
    """The template language just saved, if the query names one that exists (no echoing)."""
    template_id, _, locale = (value or "").partition("/")
    template = data.template(template_id)
    return (template_id, locale) if template and locale in template["locales"] else None


def _editing_state(team_dir):
    """None if templates can be edited here, else why not."""
    if not auth.editing_enabled():
        return "Editing is off: start the server with a team token (SHIPGUARD_TOKEN)."
    if not team_dir:
        return "Editing is off: start the server with a team data folder (--data-dir)."
    return None


def _anchor(template_id, locale):
    return f"template-{template_id}-{locale}"
