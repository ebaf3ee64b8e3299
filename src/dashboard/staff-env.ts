// What a staff request carries once authenticated: the actor and their center's scope.
import type { AppEnv } from "../http/app-env";
import type { Actor } from "./auth";
import type { CenterScope } from "./scope";

export interface StaffEnv {
  Variables: AppEnv["Variables"] & {
    actor: Actor;
    scope: CenterScope;
    sessionToken: string;
  };
}
