import { z } from "zod";
import { notFound } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { getOEmbed } from "@/lib/publish/embed";
import { publicBaseUrl } from "@/lib/publish/public-url";

export const dynamic = "force-dynamic";

const dimension = z.coerce.number().int().positive().max(10_000).optional();
const ZOEmbedQuery = z.object({
  url: z.string().min(1, "Give the url of a claim on a published report.").max(2048),
  format: z.string().optional(),
  maxwidth: dimension,
  maxheight: dimension,
});

/** oEmbed 1.0 (https://oembed.com): `?url=<report URL>#claim-<id>` → a rich embed of that verdict card. */
export const GET = route({ auth: "public", query: ZOEmbedQuery }, async ({ query }) => {
  // oEmbed asks for 501 Not Implemented when the format is not offered.
  if (query.format && query.format !== "json")
    return Response.json({ error: { code: "bad_request", message: "Only format=json is offered." } }, { status: 501 });
  const embed = await getOEmbed({ url: query.url, baseUrl: publicBaseUrl(), maxwidth: query.maxwidth, maxheight: query.maxheight });
  if (!embed) throw notFound("A verified claim on a published report at that address");
  return embed;
});
