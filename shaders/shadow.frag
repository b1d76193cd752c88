// shadow.frag: turns the floor height map into a soft contact-shadow map (same texel grid), once per change,
// so the floor itself samples one texel per pixel. Near surfaces give a dark, tight shadow, higher ones a
// faint, wide one.
in vec2 v_uv;
uniform sampler2D t_height;
uniform float u_heightRange;   // metres covered by depth 0..1
uniform float u_metresPerUv;   // floor metres across the whole map
out vec4 o_color;

float heightAt(vec2 uv) {
  if (uv.x < 0.0 || uv.y < 0.0 || uv.x > 1.0 || uv.y > 1.0) return 1e3;
  float d = texture(t_height, uv).r;
  return d >= 0.9999 ? 1e3 : d * u_heightRange;
}

void main() {
  const int kTaps = 24;
  float contact = 0.0;
  float ambient = 0.0;
  for (int i = 0; i < kTaps; ++i) {
    float a = float(i) * 2.39996;
    float rr = sqrt((float(i) + 0.5) / float(kTaps));
    vec2 dir = vec2(cos(a), sin(a)) * rr / u_metresPerUv;
    contact += exp(-heightAt(v_uv + dir * 0.035) / 0.035);
    ambient += exp(-heightAt(v_uv + dir * 0.22) / 0.45);
  }
  float occlusion = clamp(contact / float(kTaps) * 0.75 + ambient / float(kTaps) * 0.35, 0.0, 0.85);
  o_color = vec4(occlusion, 0.0, 0.0, 1.0);
}
