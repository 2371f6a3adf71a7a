import { type MediaConfig, type MediaLimits, readMediaConfig } from "./config";
import { createStore, type MediaStore } from "./store";

/** The store and the limits an upload or a thumbnail works with. */
export interface MediaServices {
  store: MediaStore;
  limits: MediaLimits;
}

/** Services for a configuration; tests make their own, on a temporary directory or a local S3 server. */
export function createMediaServices(config: MediaConfig = readMediaConfig()): MediaServices {
  return { store: createStore(config.store), limits: config.limits };
}

const globalForMedia = globalThis as unknown as { palimpsestMedia?: MediaServices };

/** The process-wide services, configured from the environment on first use. */
export function mediaServices(): MediaServices {
  globalForMedia.palimpsestMedia ??= createMediaServices();
  return globalForMedia.palimpsestMedia;
}
