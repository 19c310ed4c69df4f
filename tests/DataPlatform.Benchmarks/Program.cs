// Placeholder entry point so the solution builds while the real host is written (replaced in this change).
return 1;
