/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // The test command checks the types of the whole project just before it builds.
  typescript: { ignoreBuildErrors: process.env.PALIMPSEST_TYPES_CHECKED === "1" },
  async rewrites() {
    return {
      // An old revision lives at /wiki/<id>?rev=<n>, a route of its own.
      beforeFiles: [{ source: "/wiki/:id", has: [{ type: "query", key: "rev", value: "(?<rev>\\d+)" }], destination: "/wiki/:id/revisions/:rev" }],
    };
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "SAMEORIGIN" },
          // Nothing here uses the camera, microphone, location, payments or USB: no page may ask.
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
        ],
      },
    ];
  },
};

export default nextConfig;
