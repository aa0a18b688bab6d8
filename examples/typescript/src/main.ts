// Walks the actor map to its last page, signs in as the demo mediator, listens to the
// referral events of their actor and refers a young person. Against `make run`:
//   npm run build && JISR_URL=http://127.0.0.1:8000/graphql npm start
import { JisrClient } from "./client.js";
import {
  ActorMapDocument,
  CreateReferralDocument,
  ReferralEventsDocument,
  SignInDocument,
  type ActorMapQuery,
} from "./generated/graphql.js";

const url = process.env.JISR_URL ?? "http://127.0.0.1:8000/graphql";
const client = new JisrClient(url);

async function allActors(): Promise<ActorMapQuery["actors"]["nodes"]> {
  const actors: ActorMapQuery["actors"]["nodes"] = [];
  let after: string | null = null;
  for (;;) {
    const page: ActorMapQuery = await client.request(ActorMapDocument, { first: 50, after });
    actors.push(...page.actors.nodes);
    if (!page.actors.pageInfo.hasNextPage) return actors;
    after = page.actors.pageInfo.endCursor;
  }
}

async function main(): Promise<void> {
  const actors = await allActors();
  console.log(`${actors.length} actors, e.g. ${actors[0]?.name} (${actors[0]?.territory.code})`);

  const { login } = await client.request(SignInDocument, {
    email: process.env.JISR_EMAIL ?? "mediation.dar-al-amal@jisr.example.ma",
    password: process.env.JISR_PASSWORD ?? "jisr-demo-2026",
  });
  if (login.token == null) throw new Error(login.userErrors.map((e) => e.message).join("; "));
  client.signIn(login.token);
  console.log(`signed in as ${login.user?.displayName} (${login.user?.roles.join(", ")})`);

  const events = client.subscribe(ReferralEventsDocument, {});
  const first = events.next(); // the socket is open and subscribed once this is pending
  await new Promise((resolve) => setTimeout(resolve, 500));

  const { createReferral } = await client.request(CreateReferralDocument, {
    input: {
      youthId: process.env.JISR_YOUTH_ID ?? "WW91dGg6MQ",
      serviceId: process.env.JISR_SERVICE_ID ?? "U2VydmljZTozMQ",
      reason: "Cherche un premier emploi en hôtellerie",
      idempotencyKey: `typescript-example-${Date.now()}`,
    },
  });
  const referral = createReferral.referral;
  if (referral == null) throw new Error(createReferral.userErrors.map((e) => e.code).join(", "));
  console.log(`referral ${referral.id} ${referral.status}, answer by ${referral.respondBy}`);

  const event = await first;
  if (!event.done) console.log(`event: ${event.value.data?.referralEvents.kind}`);
  await events.return?.();
  await client.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
