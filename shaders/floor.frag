#version 330 core
// floor.frag: a floor that fades into the background, darkened by a soft contact shadow. t_height holds, seen
// from below the floor, the depth of the lowest surface above each point: near surfaces give a dark, tight
// shadow, higher ones a faint, wide one.
in vec3 v_worldPos;
uniform vec3 u_center;
uniform float u_radius;
uniform vec3 u_color;
uniform sampler2D t_height;
uniform mat4 u_heightViewProj;
uniform float u_heightRange;   // metres covered by depth 0..1
uniform float u_shadow;        // 0 disables the shadow
out vec4 o_color;

float heightAt(vec2 uv) {
  if (uv.x < 0.0 || uv.y < 0.0 || uv.x > 1.0 || uv.y > 1.0) return 1e3;
  float d = texture(t_height, uv).r;
  return d >= 0.9999 ? 1e3 : d * u_heightRange;
}

void main() {
  float r = length(v_worldPos.xz - u_center.xz) / u_radius;
  float fade = 1.0 - smoothstep(0.45, 1.0, r);
  float occlusion = 0.0;
  if (u_shadow > 0.0) {
    vec4 p = u_heightViewProj * vec4(v_worldPos, 1.0);
    vec2 uv = p.xy / p.w * 0.5 + 0.5;
    // Texel offsets per metre on the floor.
    vec2 perMetre = vec2(length(u_heightViewProj[0].xyz), length(u_heightViewProj[2].xyz)) * 0.5;
    const int kTaps = 16;
    // A per-pixel rotation of the tap pattern turns banding into fine grain.
    float spin = 6.2831853 * fract(52.9829189 * fract(dot(gl_FragCoord.xy, vec2(0.06711056, 0.00583715))));
    float contact = 0.0;
    float ambient = 0.0;
    for (int i = 0; i < kTaps; ++i) {
      float a = float(i) * 2.39996 + spin;
      float rr = sqrt((float(i) + 0.5) / float(kTaps));
      vec2 dir = vec2(cos(a), sin(a)) * rr;
      float hNear = heightAt(uv + dir * 0.035 * perMetre);
      float hFar = heightAt(uv + dir * 0.22 * perMetre);
      contact += exp(-hNear / 0.035);
      ambient += exp(-hFar / 0.45);
    }
    occlusion = clamp(contact / float(kTaps) * 0.75 + ambient / float(kTaps) * 0.35, 0.0, 0.85);
  }
  vec3 c = u_color * (1.0 - occlusion);
  o_color = vec4(c, fade);
}
