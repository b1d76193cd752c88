// outline.frag: outlines around the union of highlighted meshes, from a mask where rgb is the outline colour
// and alpha 1 marks pixels where the mesh is seen, 0.5 where something hides it. Pixels outside the mask that
// have a masked neighbour within u_radius get the outline: solid when seen, faint when hidden.
in vec2 v_uv;
uniform sampler2D t_mask;
uniform vec2 u_texel;     // 1 / mask size
uniform float u_radius;   // pixels
uniform int u_taps;       // samples per ring (fewer for coarse pictures)
out vec4 o_color;

void main() {
  vec4 here = texture(t_mask, v_uv);
  if (here.a > 0.0) discard;
  vec4 best = vec4(0.0);
  for (int ring = 1; ring <= 2; ++ring) {  // two rings: a solid line without gaps
    float r = u_radius * float(ring) * 0.5;
    for (int i = 0; i < u_taps; ++i) {
      float a = 6.2831853 * (float(i) + 0.5 * float(ring)) / float(u_taps);
      vec4 m = texture(t_mask, v_uv + vec2(cos(a), sin(a)) * r * u_texel);
      if (m.a > best.a) best = m;
    }
  }
  if (best.a <= 0.0) discard;
  o_color = vec4(best.rgb, best.a >= 0.99 ? 1.0 : 0.35);
}
