import { describe, expect, it } from "vitest";
import { deviceToken, knownDevice } from "./device";

describe("known devices", () => {
  const secret = "a secret of the site";

  it("knows a device by its cookie for the account it signed in to, and only that one", () => {
    const token = deviceToken(secret, "dan@example.org");
    const device = knownDevice(secret, token, "dan@example.org");
    expect(device).toMatch(/^[\w-]{22}$/);
    expect(token.startsWith(`${device}.`)).toBe(true);
    expect(knownDevice(secret, token, "eve@example.org")).toBeNull();
    expect(knownDevice("another site's secret", token, "dan@example.org")).toBeNull();
    expect(deviceToken(secret, "dan@example.org")).not.toBe(token);
  });

  it("refuses missing, malformed and forged cookies", () => {
    const [, mac] = deviceToken(secret, "dan@example.org").split(".");
    for (const token of [undefined, "", ".", "device", "device.", `.${mac}`, `other-device.${mac}`, `device.${mac}.extra`, "device.not-base64!"]) {
      expect(knownDevice(secret, token, "dan@example.org"), String(token)).toBeNull();
    }
  });
});
