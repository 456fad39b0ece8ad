-- One database per service: no service reads another's tables.
CREATE DATABASE routing;
CREATE DATABASE session;
CREATE DATABASE transcript;
CREATE DATABASE history;
CREATE DATABASE workflow;
CREATE DATABASE telephony;
