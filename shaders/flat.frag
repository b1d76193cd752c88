// flat.frag: one colour, no lighting (the outline mask). Paired with mesh.vert, whose other outputs the linker
// then drops, so the pass costs little more than the triangles' positions.
uniform vec4 u_baseColor;
out vec4 o_color;

void main() { o_color = u_baseColor; }
