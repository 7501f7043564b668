import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Breachdesk", template: "%s · Breachdesk" },
  description: "Respond to a compromised Microsoft 365 account: ticket, remediation and report.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-background text-foreground antialiased">{children}</body>
    </html>
  );
}
