// Lets Polaris' links and url actions navigate inside the app (react-router) instead of reloading the iframe.
import type { ComponentProps } from "react";
import type { AppProviderProps } from "@shopify/polaris";
import { Link } from "react-router";

type Props = ComponentProps<NonNullable<AppProviderProps["linkComponent"]>>;

export function RouterLink({ url, external, ref: _ref, ...rest }: Props) {
  const { className, children, id, role, tabIndex, onClick } = rest;
  const common = { className, children, id, role, tabIndex, onClick, "aria-label": rest["aria-label"] };
  if (external || /^[a-z]+:/i.test(url)) return <a href={url} target="_blank" rel="noreferrer" {...common} />;
  return <Link to={url} {...common} />;
}
