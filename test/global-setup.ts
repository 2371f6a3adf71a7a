import { createBaseDatabases, dropBaseDatabases } from "./databases";

export default async function setup() {
  await createBaseDatabases();
  return dropBaseDatabases;
}
