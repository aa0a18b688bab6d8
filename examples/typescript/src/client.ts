// A small typed client: queries and mutations through fetch, subscriptions through
// graphql-ws (graphql-transport-ws), both signed in with the same bearer token.
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print, type FormattedExecutionResult } from "graphql";
import { createClient, type Client } from "graphql-ws";

export class GraphQLRequestError extends Error {
  constructor(
    readonly status: number,
    readonly errors: ReadonlyArray<{ message: string; extensions?: { code?: string } }>,
  ) {
    super(errors.map((e) => `${e.extensions?.code ?? "ERROR"}: ${e.message}`).join("; "));
  }
}

export class JisrClient {
  private token: string | null = null;
  private socket: Client | null = null;

  constructor(readonly url: string) {}

  signIn(token: string): void {
    this.token = token;
    void this.socket?.dispose(); // the next subscription opens a socket with the new token
    this.socket = null;
  }

  async request<TData, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TData, TVariables>,
    variables: TVariables,
  ): Promise<TData> {
    const response = await fetch(this.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/graphql-response+json, application/json",
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      },
      body: JSON.stringify({ query: print(document), variables }),
    });
    const answer = (await response.json()) as FormattedExecutionResult<TData>;
    if (answer.errors?.length || answer.data == null) {
      throw new GraphQLRequestError(response.status, answer.errors ?? []);
    }
    return answer.data;
  }

  subscribe<TData, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TData, TVariables>,
    variables: TVariables,
  ): AsyncIterableIterator<FormattedExecutionResult<TData, unknown>> {
    this.socket ??= createClient({
      url: this.url.replace(/^http/, "ws"),
      connectionParams: () => (this.token ? { authorization: `Bearer ${this.token}` } : {}),
    });
    return this.socket.iterate<TData>({ query: print(document), variables });
  }

  async close(): Promise<void> {
    await this.socket?.dispose();
  }
}
