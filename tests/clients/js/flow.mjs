// The frontend's flows through the graphql-ws reference client, every operation over
// its socket: node flow.mjs <ws-url> <documents.json>. Prints what it saw as JSON.
import { readFileSync } from "node:fs";
import { createClient } from "graphql-ws";
import WebSocket from "ws";

const [url, documentsPath] = process.argv.slice(2);
const d = JSON.parse(readFileSync(documentsPath, "utf8"));

function client(token) {
  return createClient({
    url,
    webSocketImpl: WebSocket,
    lazy: true,
    retryAttempts: 0,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
  });
}

async function run(on, query, variables = {}) {
  for await (const result of on.iterate({ query, variables })) {
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data;
  }
  throw new Error("no result");
}

const seen = {};
const anonymous = client();
const map = await run(anonymous, d.actorMap, { territory: d.territory, axes: ["EMPLOYMENT"], first: 5 });
seen.actorMap = map.actors.totalCount;

const ids = [];
let after = null;
let page;
do {
  page = (await run(anonymous, d.page, { after })).actors;
  ids.push(...page.nodes.map((node) => node.id));
  after = page.pageInfo.endCursor;
} while (page.pageInfo.hasNextPage);
seen.paginated = { pages: Math.ceil(ids.length / 25), ids: ids.length, unique: new Set(ids).size, totalCount: page.totalCount };

const tokens = {};
for (const email of [d.mediator, d.receiver]) {
  const signed = (await run(anonymous, d.login, { email, password: d.password })).login;
  if (signed.userErrors.length) throw new Error(JSON.stringify(signed.userErrors));
  tokens[email] = signed.token;
}
await anonymous.dispose();

const mediator = client(tokens[d.mediator]);
const receiver = client(tokens[d.receiver]);
const events = [];
const notes = [];
let wake = () => {};
let failed = null;
function collect(query, into, key) {
  mediator.subscribe(
    { query },
    {
      next: (result) => {
        if (result.errors) failed = new Error(JSON.stringify(result.errors));
        else into.push(result.data[key]);
        wake();
      },
      error: (error) => {
        failed = error instanceof Error ? error : new Error(JSON.stringify(error));
        wake();
      },
      complete: () => {},
    },
  );
}
// Resolves once `test` holds, re-testing on every message; false after `ms` without.
function until(test, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(test()), ms);
    const check = () => {
      if (failed) return clearTimeout(timer), reject(failed);
      if (test()) return clearTimeout(timer), resolve(true);
      wake = check;
    };
    check();
  });
}

collect(d.notifications, notes, "notificationAdded");
collect(d.events, events, "referralEvents");
let referral = (await run(mediator, d.create, { input: d.input })).createReferral;
if (referral.userErrors.length) throw new Error(JSON.stringify(referral.userErrors));
seen.created = referral.referral.status;
referral = referral.referral;
const about = () => events.filter((event) => event.referral.id === referral.id).map((event) => event.kind);
// add notes until an event of the referral comes back: from then on the subscription is live
for (let sent = 0; !(await until(() => about().length > 0, 1000)); sent++) {
  if (sent === 20) throw new Error("the subscription never went live");
  const noted = await run(mediator, d.note, { input: { id: referral.id, note: `liaison ${sent}` } });
  referral = noted.addReferralNote.referral;
}

const answer = (await run(receiver, d.accept, { input: { id: referral.id, version: referral.version } }))
  .acceptReferral;
seen.accepted = answer.referral?.status ?? JSON.stringify(answer.userErrors);
await until(() => about().includes("ACCEPTED"), 30000);
seen.events = [...new Set(about())];
await until(() => notes.some((note) => note.referral?.id === referral.id), 60000);
seen.notification = notes.find((note) => note.referral?.id === referral.id)?.kind ?? null;
await mediator.dispose();
await receiver.dispose();
console.log(JSON.stringify(seen));
