import type { PictureSources } from "@/lib/media/serving";

const srcset = (sources: { width: number; url: string }[]) => sources.map((s) => `${s.url} ${s.width}w`).join(", ");

/**
 * A picture from its thumbnails: AVIF or WebP where the browser takes them, the original's format otherwise,
 * the width and height set so the page does not move when it arrives, loaded when scrolled near.
 */
export function MediaPicture({ picture, width, height, alt, sizes }: { picture: PictureSources; width: number; height: number; alt: string; sizes: string }) {
  const largest = picture.fallback[picture.fallback.length - 1];
  const shown = Math.min(width, largest.width);
  return (
    <picture>
      <source type="image/avif" srcSet={srcset(picture.avif)} sizes={sizes} />
      <source type="image/webp" srcSet={srcset(picture.webp)} sizes={sizes} />
      <img
        src={largest.url}
        srcSet={srcset(picture.fallback)}
        sizes={sizes}
        width={shown}
        height={Math.round((height * shown) / width)}
        alt={alt}
        loading="lazy"
        decoding="async"
      />
    </picture>
  );
}
