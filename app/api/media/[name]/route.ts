import { db } from "@/lib/db";
import { respond } from "@/lib/http/respond";
import { versionAddresses } from "@/lib/media/serving";
import { getMediaDetail, getMediaUsage } from "@/lib/wiki/media";
import { routeParam } from "@/lib/http/route-param";

type Context = { params: Promise<{ name: string }> };

/**
 * One file: its description, alt text, credit, licence, every version with its addresses (newest
 * first), and the pages that show it with the sections it is in (`usedOn`).
 */
export async function GET(_request: Request, { params }: Context) {
  return respond(async () => {
    const { current, versions, ...detail } = await getMediaDetail(db, routeParam((await params).name));
    const present = (v: typeof current) => ({ ...v, ...versionAddresses(v, detail.name) });
    return { body: { ...detail, current: present(current), versions: versions.map(present), usedOn: await getMediaUsage(db, detail.name) } };
  });
}
