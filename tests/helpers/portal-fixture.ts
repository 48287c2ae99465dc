// The setup most integration suites share: one portal and one signed-up user for the tests of a
// describe block, started before them and disposed after. Call it in the describe body.
import { after, before } from "node:test";
import { createTestUser, type TestUser } from "./accounts";
import { startPortal, type Portal } from "./portal";

export type PortalFixture = { portal: Portal; user: TestUser };

export function portalWithUser(options?: Parameters<typeof startPortal>[0]): PortalFixture {
  const fx = {} as PortalFixture;
  before(async () => {
    fx.portal = await startPortal(options);
    fx.user = await createTestUser(fx.portal.url);
  });
  after(async () => {
    await fx.portal?.dispose();
  });
  return fx;
}
