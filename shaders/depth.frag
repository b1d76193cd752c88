// depth.frag: depth-only passes (floor height map, skin depth pre-pass) write no colour.
void main() {}
