// Written by tools/vendor_web.py (see vendor.js). Imported only by screens that drag.
export { default as Sortable } from "../vendor/sortablejs-1.15.7/sortable.js";
