// Jisr's GraphiQL page: queries and mutations over HTTP, subscriptions over graphql-ws
// (graphql-transport-ws) to the same address, both signed in by the headers pane's
// Authorization header. Every file it loads is served by Jisr itself (see ../README.md).
(function () {
  "use strict";

  var ACTOR_MAP = [
    "# Jisr's actor map: who offers what, where. Ctrl-Enter (or ▶) runs it.",
    "# Sign in with the login mutation, then put {\"Authorization\": \"Bearer <token>\"}",
    "# in the Headers pane below: queries, mutations and subscriptions all send it.",
    "query ActorMap($first: Int = 10, $after: String) {",
    "  actors(orderBy: NAME, first: $first, after: $after) {",
    "    totalCount",
    "    pageInfo { hasNextPage endCursor }",
    "    nodes {",
    "      id",
    "      name",
    "      kind",
    "      territory { name }",
    "      services { nodes { name axis } }",
    "    }",
    "  }",
    "}",
    "",
  ].join("\n");

  var here = new URL(window.location.href);
  var endpoint = here.origin + here.pathname;
  var params = here.searchParams;

  // GraphiQL keeps the headers pane's text here when shouldPersistHeaders is on.
  function paneHeaders() {
    try {
      var headers = JSON.parse(window.localStorage.getItem("graphiql:headers") || "{}");
      return headers && typeof headers === "object" ? headers : {};
    } catch (error) {
      return {};
    }
  }

  function authorization() {
    var headers = paneHeaders();
    for (var name in headers) {
      if (name.toLowerCase() === "authorization") return String(headers[name]);
    }
    return null;
  }

  // Jisr reads {"authorization": "Bearer <token>"} from connection_init; the socket opens
  // with the first subscription and closes after the last, so a new token applies then.
  var wsClient = graphqlWs.createClient({
    url: endpoint.replace(/^http/, "ws"),
    lazy: true,
    connectionParams: function () {
      var token = authorization();
      return token ? { authorization: token } : {};
    },
  });

  var fetcher = GraphiQL.createFetcher({ url: endpoint, wsClient: wsClient });
  var explorer = GraphiQLPluginExplorer.explorerPlugin();

  function remember(name, value) {
    if (value) params.set(name, value);
    else params.delete(name);
    var search = params.toString();
    window.history.replaceState(null, "", here.pathname + (search ? "?" + search : ""));
  }

  function JisrGraphiQL() {
    return React.createElement(GraphiQL, {
      fetcher: fetcher,
      plugins: [explorer],
      defaultQuery: ACTOR_MAP,
      query: params.get("q") || undefined,
      variables: params.get("variables") || undefined,
      onEditQuery: function (query) { remember("q", query); },
      onEditVariables: function (variables) { remember("variables", variables); },
      defaultEditorToolsVisibility: true,
      isHeadersEditorEnabled: true,
      shouldPersistHeaders: true,
      inputValueDeprecation: true,
    });
  }

  ReactDOM.createRoot(document.getElementById("graphiql")).render(
    React.createElement(JisrGraphiQL)
  );
})();
