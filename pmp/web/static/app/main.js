// The app: routes to screens, each loaded when first visited; signed-in screens need a session.
import { html, lazy, LocationProvider, render, Route, Router, useEffect, useLocation }
  from "./vendor.js";
import { restoreSession, status } from "./session.js";
import { SignIn, SignUp } from "./screens/auth.js";
import { Frame, useTitle } from "./ui/layout.js";

const Packs = lazy(() => import("./screens/packs.js").then((m) => m.Packs));
const Gear = lazy(() => import("./screens/gear.js").then((m) => m.Gear));
const Account = lazy(() => import("./screens/account.js").then((m) => m.Account));
const Train = lazy(() => import("./screens/train.js").then((m) => m.Train));
const History = lazy(() => import("./screens/history.js").then((m) => m.History));
const Exercises = lazy(() => import("./screens/exercises.js").then((m) => m.Exercises));
const Exercise = lazy(() => import("./screens/exercise.js").then((m) => m.Exercise));
const Progress = lazy(() => import("./screens/progress.js").then((m) => m.Progress));
const Plans = lazy(() => import("./screens/plans.js").then((m) => m.Plans));

function Redirect({ to }) {
  const { route } = useLocation();
  useEffect(() => route(to, true), [to]);
  return null;
}

// Signed-in screens: wait for the session, else go to sign in and come back afterwards.
function Private({ component: Screen, ...props }) {
  const { url } = useLocation();
  if (status.value === "loading") {
    return html`<p class="loading" role="status">Loading…</p>`;
  }
  if (status.value !== "signed-in" && status.value !== "offline") {
    return html`<${Redirect} to=${`/login?next=${encodeURIComponent(url)}`} />`;
  }
  return html`<${Screen} ...${props} />`;
}

function Public({ component: Screen }) {
  if (status.value === "signed-in" || status.value === "offline") {
    return html`<${Redirect} to="/packs" />`;
  }
  if (status.value === "loading") return html`<p class="loading" role="status">Loading…</p>`;
  return html`<${Screen} />`;
}

function NotFound() {
  useTitle("Not found");
  return html`<${Frame}><h1>Not found</h1>
    <p>There is nothing at this address. <a href="/packs">Go to your packs</a>.</p><//>`;
}

// Each screen wrapped once (a new wrapper per render would remount the screen).
const guarded = (Screen, Guard = Private) => (props) =>
  html`<${Guard} component=${Screen} ...${props} />`;
const PAGES = {
  signIn: guarded(SignIn, Public),
  signUp: guarded(SignUp, Public),
  packs: guarded(Packs),
  gear: guarded(Gear),
  account: guarded(Account),
  train: guarded(Train),
  history: guarded(History),
  exercises: guarded(Exercises),
  exercise: guarded(Exercise),
  progress: guarded(Progress),
  plans: guarded(Plans),
  notFound: guarded(NotFound),
};
const Home = () => html`<${Redirect} to="/packs" />`;

function App() {
  return html`
    <${LocationProvider}>
      <${Router}>
        <${Route} path="/login" component=${PAGES.signIn} />
        <${Route} path="/signup" component=${PAGES.signUp} />
        <${Route} path="/" component=${Home} />
        <${Route} path="/packs" component=${PAGES.packs} />
        <${Route} path="/packs/:id" component=${PAGES.packs} />
        <${Route} path="/packs/:id/:mode" component=${PAGES.packs} />
        <${Route} path="/gear" component=${PAGES.gear} />
        <${Route} path="/account" component=${PAGES.account} />
        <${Route} path="/train" component=${PAGES.train} />
        <${Route} path="/train/:id" component=${PAGES.train} />
        <${Route} path="/history" component=${PAGES.history} />
        <${Route} path="/exercises" component=${PAGES.exercises} />
        <${Route} path="/exercises/:id" component=${PAGES.exercise} />
        <${Route} path="/progress" component=${PAGES.progress} />
        <${Route} path="/plans" component=${PAGES.plans} />
        <${Route} path="/plans/:id" component=${PAGES.plans} />
        <${Route} path="/calendar" component=${PAGES.plans} />
        <${Route} default component=${PAGES.notFound} />
      <//>
    <//>`;
}

render(html`<${App} />`, document.getElementById("app"));
restoreSession();

// The service worker keeps the app's files so that it opens without a network (browsers offer
// it in a secure context only: HTTPS or localhost; elsewhere the app simply needs the network).
if ("serviceWorker" in navigator && window.isSecureContext) {
  navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => {});
}
