/**
 * A thumbnail as the portal's image routes answer it: only an image content type (Tableau's own, else PNG), kept
 * by the browser alone (`private`: the image is of one person's data, under their row-level security).
 */
export const THUMBNAIL_MAX_AGE_SECONDS = 300;

export function imageResponse(image: { bytes: Uint8Array; contentType: string }): Response {
  return new Response(Buffer.from(image.bytes), {
    headers: {
      "Content-Type": image.contentType.startsWith("image/") ? image.contentType : "image/png",
      "Cache-Control": `private, max-age=${THUMBNAIL_MAX_AGE_SECONDS}`,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
