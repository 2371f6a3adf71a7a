import { expect, it } from "vitest";
import { describeOnEachDatabase } from "../../test/with-databases";
import { type Account, endSessions, updateAccount } from "../wiki/accounts";
import { renamePage, setProtection } from "../wiki/lifecycle";
import { updateSiteSettings } from "../wiki/settings";
import { savePageRevision } from "../wiki/revisions";
import { changeTransaction, publishInvalidation, stalePaths } from "./invalidation";
import { followInvalidations, type Invalidation, splitInvalidation } from "./invalidation-feed";
import { buildAccount, unique } from "../../test/factories";

const doc = (...links: string[]) => ({
  type: "doc",
  content: [
    { type: "paragraph", content: [{ type: "text", text: "See " }, ...links.map((target) => ({ type: "text", text: target, marks: [{ type: "wikiLink", attrs: { target } }] }))] },
  ],
});

describeOnEachDatabase("invalidations reach every server", (database) => {
  let admin: Account;
  async function account() {
    admin ??= await buildAccount(database().db, "admin");
    return admin;
  }

  /** A follower, as a server runs one, that records what it heard. */
  async function follow() {
    const heard: Invalidation[] = [];
    let wake: (() => void) | null = null;
    const follower = await followInvalidations(database().url, (paths) => {
      heard.push(paths);
      wake?.();
    });
    // A listener on PostgreSQL starts by dropping everything, having heard nothing yet.
    heard.length = 0;
    /** Waits until something is heard (SQLite answers at once when asked, PostgreSQL when notified). */
    const next = async () => {
      follower.catchUp();
      if (!heard.length) await new Promise<void>((resolve) => (wake = resolve));
      return heard.splice(0);
    };
    return { follower, heard, next };
  }

  it("hears what another connection publishes, in order, and nothing else", async () => {
    const a = await follow();
    const b = await follow();
    try {
      await publishInvalidation(database().db, ["/wiki/one", "/wiki/two"]);
      expect(await a.next()).toEqual([["/wiki/one", "/wiki/two"]]);
      expect(await b.next()).toEqual([["/wiki/one", "/wiki/two"]]);
      await publishInvalidation(database().db, "all");
      expect(await a.next()).toEqual(["all"]);
      // Nothing new: asking again hears nothing.
      a.follower.catchUp();
      expect(a.heard).toEqual([]);
      await publishInvalidation(database().db, []);
      await publishInvalidation(database().db, ["/wiki/three"]);
      expect(await a.next()).toEqual([["/wiki/three"]]);
    } finally {
      await a.follower.close();
      await b.follower.close();
    }
  });

  it("sends more paths than one notification holds as everything", async () => {
    const a = await follow();
    try {
      const many = Array.from({ length: 2_000 }, (_, i) => `/wiki/a_rather_long_page_name_${i}`);
      await publishInvalidation(database().db, many);
      const heard = await a.next();
      expect(heard).toEqual([database().kind === "postgres" ? "all" : many]);
    } finally {
      await a.follower.close();
    }
  });

  it("names the page, the redirects that show it, and the pages linking to it when it comes or goes", async () => {
    const db = database().db;
    const author = await account();
    const tag = unique();
    const [target, linking, renamed] = [`target_${tag}`, `linking_${tag}`, `renamed_${tag}`];
    await savePageRevision(db, { pageId: linking, doc: doc(target), authorId: author.id, summary: "", baseRevisionId: null });
    await savePageRevision(db, { pageId: target, doc: doc(), authorId: author.id, summary: "", baseRevisionId: null });
    expect(await stalePaths(db, target)).toEqual([`/wiki/${target}`]);
    expect(await stalePaths(db, target, { existenceChanged: true })).toEqual([`/wiki/${target}`, `/wiki/${linking}`]);
    await renamePage(db, author, { pageId: target, newPageId: renamed, title: "Renamed", reason: "" });
    expect(await stalePaths(db, renamed)).toEqual([`/wiki/${renamed}`, `/wiki/${target}`]);
  });

  it("announces an account whose role, block or sessions changed, apart from pages", async () => {
    const db = database().db;
    const admin = await account();
    const editor = await buildAccount(db, "editor");
    const a = await follow();
    try {
      await updateAccount(db, admin, { id: editor.id, role: "reviewer" });
      await updateAccount(db, admin, { id: editor.id, blocked: true });
      await endSessions(db, editor.id);
      const heard: Invalidation[] = [];
      while (heard.length < 3) heard.push(...(await a.next()));
      expect(heard.map((entries) => (entries === "all" ? entries : splitInvalidation(entries)))).toEqual(Array(3).fill({ paths: [], accounts: [editor.id] }));
    } finally {
      await a.follower.close();
    }
  });

  it("hears each change from the service that made it, once committed, and nothing of a change rolled back", async () => {
    const db = database().db;
    const admin = await account();
    const tag = unique();
    const [target, linking] = [`announced_${tag}`, `announcing_${tag}`];
    await savePageRevision(db, { pageId: linking, doc: doc(target), authorId: admin.id, summary: "", baseRevisionId: null });
    const a = await follow();
    try {
      // A new page: itself, and the page whose link to it stops being a missing one.
      await savePageRevision(db, { pageId: target, doc: doc(), authorId: admin.id, summary: "", baseRevisionId: null });
      expect(await a.next()).toEqual([[`/wiki/${target}`, `/wiki/${linking}`]]);
      await setProtection(db, admin, { pageId: target, protect: true });
      expect(await a.next()).toEqual([[`/wiki/${target}`]]);

      // A change that fails is rolled back with its announcement; the next one is heard alone.
      await expect(
        changeTransaction(db, async (tx, stale) => {
          stale.page(target);
          await tx.page.update({ where: { slug: target }, data: { title: "Never" } });
          throw new Error("refused");
        }),
      ).rejects.toThrow("refused");
      await renamePage(db, admin, { pageId: linking, newPageId: `${linking}_moved`, reason: "" });
      expect(await a.next()).toEqual([[`/wiki/${linking}`, `/wiki/${linking}_moved`]]);

      // A change of citation style shows on every page.
      const { citationStyle } = await updateSiteSettings(db, admin, {});
      await updateSiteSettings(db, admin, { citationStyle: citationStyle === "apa" ? "vancouver" : "apa" });
      expect(await a.next()).toEqual(["all"]);
      await updateSiteSettings(db, admin, { citationStyle });
      expect(await a.next()).toEqual(["all"]);
    } finally {
      await a.follower.close();
    }
  });
});
