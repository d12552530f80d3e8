import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { LiveAnnouncer } from "@/components/live-announcer";
import { RouteFocus } from "@/components/route-focus";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Vizport", template: "%s · Vizport" },
  description: "Embedded analytics portal for Tableau",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        {children}
        <LiveAnnouncer />
        <RouteFocus />
      </body>
    </html>
  );
}
