// Stylesheets imported by components mean nothing in jsdom: Jest maps every .css import here.
export {};
