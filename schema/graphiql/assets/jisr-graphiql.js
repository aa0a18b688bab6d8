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

  function authorization(headers) {
    for (var name in headers || {}) {
      if (name.toLowerCase() === "authorization") return String(headers[name]);
    }
    return "";
  }

  // GraphiQL hands every operation the headers pane's headers: HTTP requests send them,
  // and a subscription's socket sends {"authorization": "Bearer <token>"} in its
  // connection_init, which Jisr reads. A new token opens a new socket.
  var signedIn = null;

  function fetcherFor(token) {
    if (signedIn === null || signedIn.token !== token) {
      if (signedIn !== null) signedIn.socket.dispose();
      var socket = graphqlWs.createClient({
        url: endpoint.replace(/^http/, "ws"),
        lazy: true,
        connectionParams: token ? { authorization: token } : {},
      });
      var fetcher = GraphiQL.createFetcher({ url: endpoint, wsClient: socket });
      signedIn = { token: token, socket: socket, fetcher: fetcher };
    }
    return signedIn.fetcher;
  }

  function fetcher(params, options) {
    return fetcherFor(authorization(options && options.headers))(params, options);
  }

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
