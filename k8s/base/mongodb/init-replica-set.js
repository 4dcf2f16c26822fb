// Run by the mongodb-init Job (mongosh, as the root user, against mongodb-0). Idempotent: a set already initiated,
// a member already added or a user that already exists is left as it is, so the Job may run again on every apply.
//
// The set is initiated with mongodb-0 alone and the others are added afterwards: rs.initiate() refuses members
// other than the initiator that hold data, and every member holds the root user its entrypoint created. A member
// added with rs.add() makes an initial sync, which replaces its databases with the primary's.
const members = parseInt(process.env.MONGODB_MEMBERS, 10);
const host = (i) => "mongodb-" + i + ".mongodb-headless." + process.env.POD_NAMESPACE + ".svc.cluster.local:27017";
try {
  rs.status();
  print("replica set already initiated");
} catch (e) {
  if (e.codeName !== "NotYetInitialized") throw e;
  rs.initiate({ _id: "rs0", members: [{ _id: 0, host: host(0) }] });
}
// Wait for a primary before writing.
while (!db.hello().isWritablePrimary) sleep(1000);
const admin = db.getSiblingDB("admin");
if (admin.getUser(process.env.SKILLWAY_MONGODB_USERNAME) === null) {
  admin.createUser({
    user: process.env.SKILLWAY_MONGODB_USERNAME,
    pwd: process.env.SKILLWAY_MONGODB_PASSWORD,
    // Each service keeps its own database (spring.mongodb.database in its <service>.yml).
    roles: ["skillway-ingest", "skillway-matching", "skillway-notification"].map((name) => ({ role: "readWrite", db: name })),
  });
}
const configured = rs.conf().members.map((m) => m.host);
for (let i = 1; i < members; i++) {
  if (!configured.includes(host(i))) {
    rs.add({ _id: i, host: host(i) });
  }
}
