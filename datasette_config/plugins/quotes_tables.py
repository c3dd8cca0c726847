"""Datasette plugin for the wide tables: "unknown outlet" as a facet value, and a usable search-all page.

* The ``outlet`` facet (``_facet_outlet=outlet``, used by mentions and articles) counts rows
  without an outlet as "unknown outlet", so the facet adds up to the rows shown.
* datasette-search-all shows every column of five rows per table, full article texts
  included; on that page the JSON it fetches leaves out each table's ``hidden_columns``
  (metadata) and long texts are cut to a line or two.
"""

from __future__ import annotations

import json

from datasette import hookimpl
from datasette.facets import ColumnFacet
from datasette.utils import escape_sqlite, path_with_added_args, path_with_removed_args
from datasette.utils.asgi import Response

DATABASE = "quotes"
UNKNOWN_OUTLET = "unknown outlet"
CELL_CHARS = 240  # a search-all cell shows about two lines of text


class OutletFacet(ColumnFacet):
    """A column facet that also counts NULL, labelled "unknown outlet" (filter: ``outlet__isnull=1``)."""

    type = "outlet"

    async def suggest(self):
        return []

    async def facet_results(self):
        results, timed_out = await super().facet_results()
        for facet in results:
            column = facet["name"]
            rows = await self.ds.execute(
                self.database, f"select count(*) from ({self.sql}) where {escape_sqlite(column)} is null",
                self.params, custom_time_limit=self.ds.setting("facet_time_limit_ms"))
            count = rows.first()[0]
            if count:
                arg = f"{column}__isnull"
                selected = self.request.args.get(arg) == "1"
                path = (path_with_removed_args(self.request, {arg: "1"}) if selected
                        else path_with_added_args(self.request, {arg: "1"}))
                facet["results"].append({"value": None, "label": UNKNOWN_OUTLET, "count": count, "selected": selected,
                                         "toggle_url": self.ds.absolute_url(self.request, self.ds.urls.path(path))})
                facet["results"].sort(key=lambda item: -item["count"])
        return results, timed_out


@hookimpl
def register_facet_classes():
    return [OutletFacet]


async def search_all_columns(datasette):
    """JavaScript run before datasette-search-all's: drop hidden columns and cut long cells in its fetches."""
    tables = (datasette.metadata("tables", database=DATABASE) or {})
    hidden = {name: meta.get("hidden_columns", []) for name, meta in tables.items() if meta.get("hidden_columns")}
    script = """(function () {
  var hidden = %s, limit = %d, original = window.fetch;
  window.fetch = function (url, options) {
    var match = typeof url === "string" && url.indexOf("_search=") !== -1 && /\\/([^\\/?]+)\\.json\\?/.exec(url);
    if (!match) { return original(url, options); }
    var drop = hidden[decodeURIComponent(match[1])] || [];
    drop.forEach(function (column) { url += "&_nocol=" + encodeURIComponent(column); });
    return original(url, options).then(function (response) { return response.json(); }).then(function (data) {
      (data.rows || []).forEach(function (row) {
        Object.keys(row).forEach(function (key) {
          var value = row[key];
          if (typeof value === "string" && value.length > limit) { row[key] = value.slice(0, limit) + "…"; }
        });
      });
      return new Response(JSON.stringify(data), {headers: {"content-type": "application/json"}});
    });
  };
})();
""" % (json.dumps(hidden), CELL_CHARS)
    return Response(script, content_type="text/javascript; charset=utf-8")


@hookimpl
def register_routes():
    return [(r"^/-/quotes-search-all\.js$", search_all_columns)]


@hookimpl
def extra_js_urls(template, datasette):
    if template == "search_all.html":
        return [datasette.urls.path("/-/quotes-search-all.js")]
    return []
