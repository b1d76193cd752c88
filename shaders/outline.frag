// outline.frag: outlines around the union of highlighted meshes, from a mask where rgb is the outline colour
// and alpha 1 marks pixels where the mesh is seen, 0.5 where something hides it. Pixels outside the mask that
// have a masked neighbour within the outer ring get the outline: solid when seen, faint when hidden.
// The taps' offsets (two rings, in texture coordinates) are worked out once per frame on the CPU: a software
// rasteriser would otherwise compute a sine and a cosine per tap and pixel.
#define MYO_OUTLINE_TAPS 32
in vec2 v_uv;
uniform sampler2D t_mask;
uniform vec2 u_offsets[MYO_OUTLINE_TAPS];
uniform int u_taps;       // offsets in use (fewer for coarse pictures)
out vec4 o_color;

void main() {
  vec4 here = texture(t_mask, v_uv);
  if (here.a > 0.0) discard;
  vec4 best = vec4(0.0);
  for (int i = 0; i < u_taps; ++i) {
    vec4 m = texture(t_mask, v_uv + u_offsets[i]);
    if (m.a > best.a) best = m;
  }
  if (best.a <= 0.0) discard;
  o_color = vec4(best.rgb, best.a >= 0.99 ? 1.0 : 0.35);
}
