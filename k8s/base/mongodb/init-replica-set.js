// Run by the mongodb-init Job (mongosh, as the root user, against mongodb-0). Idempotent: a replica set that is
// already initiated, or a user that already exists, is left as it is, so the Job may run again on every apply.
const members = parseInt(process.env.MONGODB_MEMBERS, 10);
const service = "mongodb-headless." + process.env.POD_NAMESPACE + ".svc.cluster.local:27017";
try {
  rs.status();
  print("replica set already initiated");
} catch (e) {
  if (e.codeName !== "NotYetInitialized") throw e;
  rs.initiate({
    _id: "rs0",
    members: Array.from({ length: members }, (_, i) => ({ _id: i, host: "mongodb-" + i + "." + service })),
  });
}
// Wait for a primary before creating users.
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
