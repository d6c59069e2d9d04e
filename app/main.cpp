// jevons: the dashboard. See startup.h for the command line.
#include "app/startup.h"

int main(int argc, char** argv) { return jevons::app::runDashboard(argc, argv); }
